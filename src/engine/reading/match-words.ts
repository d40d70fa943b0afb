const SPACED_SCRIPT = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
const cache = new Map<string, RegExp>();

const escape = (text: string): string =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A matcher for one lexicon word. Words in scripts that separate words
 * match whole (plural "s"/"es" allowed), or as a stem when written with a
 * trailing "*"; other scripts match as a substring.
 */
function matcherFor(word: string): RegExp {
  const cached = cache.get(word);
  if (cached) return cached;
  const stem = word.endsWith('*');
  const body = escape(stem ? word.slice(0, -1) : word);
  const edge = '(?<![\\p{L}\\p{N}])';
  const source = !SPACED_SCRIPT.test(word)
    ? body
    : stem
      ? `${edge}${body}`
      : `${edge}${body}(?:s|es)?(?![\\p{L}\\p{N}])`;
  const matcher = new RegExp(source, 'giu');
  cache.set(word, matcher);
  return matcher;
}

/** How many times a lexicon word occurs in a text. */
export function countWord(text: string, word: string): number {
  return text.match(matcherFor(word))?.length ?? 0;
}

export function hasWord(text: string, word: string): boolean {
  return countWord(text, word) > 0;
}
