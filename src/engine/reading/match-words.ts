const SPACED_SCRIPT = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

interface Matcher {
  /** The word in lower case, without a stem's "*". */
  body: string;
  /** Whole words only, in scripts that separate their words. */
  bounded: boolean;
  /** Written with a trailing "*": any ending may follow. */
  stem: boolean;
}

const matchers = new Map<string, Matcher>();

/**
 * How a lexicon word matches. Words in scripts that separate words match
 * whole (plural "s"/"es" allowed), or as a stem when written with a
 * trailing "*"; other scripts match as a substring. A regular expression
 * per word said the same, but V8 compiles each Unicode-aware one on first
 * use: the few hundred lexicon words cost a render thread's first cover
 * most of a second.
 */
function matcherFor(word: string): Matcher {
  let matcher = matchers.get(word);
  if (!matcher) {
    const stem = word.endsWith('*');
    matcher = {
      body: (stem ? word.slice(0, -1) : word).toLowerCase(),
      bounded: SPACED_SCRIPT.test(word),
      stem,
    };
    matchers.set(word, matcher);
  }
  return matcher;
}

/** Texts in lower case, kept for the handful a reading goes through. */
const lowered = new Map<string, string>();

function lowerCase(text: string): string {
  let lower = lowered.get(text);
  if (lower === undefined) {
    if (lowered.size >= 16) lowered.clear();
    lower = text.toLowerCase();
    lowered.set(text, lower);
  }
  return lower;
}

/** How many times a lexicon word occurs in a text, in any letter case. */
export function countWord(text: string, word: string): number {
  const { body, bounded, stem } = matcherFor(word);
  if (body === '') return 0;
  const lower = lowerCase(text);
  let count = 0;
  let from = 0;
  for (;;) {
    const at = lower.indexOf(body, from);
    if (at < 0) return count;
    const end = bounded ? wordEnd(lower, at, at + body.length, stem) : at;
    if (end >= 0) {
      count += 1;
      from = Math.max(end, at + body.length);
    } else {
      from = at + 1;
    }
  }
}

/**
 * Where a whole-word match of text[start, end) ends, taking a plural "s"
 * or "es" along, or -1 when a letter or digit joins it to its neighbours.
 * A stem needs a boundary before it only.
 */
function wordEnd(text: string, start: number, end: number, stem: boolean) {
  if (isWordCharacterBefore(text, start)) return -1;
  if (stem) return end;
  for (const suffix of ['s', 'es', '']) {
    if (!text.startsWith(suffix, end)) continue;
    const after = end + suffix.length;
    if (!isWordCharacterAt(text, after)) return after;
  }
  return -1;
}

function isWordCharacterAt(text: string, index: number): boolean {
  const point = text.codePointAt(index);
  return (
    point !== undefined && WORD_CHARACTER.test(String.fromCodePoint(point))
  );
}

function isWordCharacterBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const pair =
    low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return isWordCharacterAt(text, pair ? index - 2 : index - 1);
}
