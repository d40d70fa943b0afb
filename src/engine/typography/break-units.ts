import { graphemes } from '../../util/graphemes.js';

/**
 * Marks a place inside a word where a line may end with a hyphen. The
 * soft hyphen means just that; `lineOf` prints it as "-" at a line's end
 * and drops it elsewhere.
 */
export const HYPHEN_POINT = '\u00ad';

/** Scripts written without spaces between words. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const EMOJI_ONLY =
  /^[\p{Extended_Pictographic}\p{Emoji_Component}\u200d\ufe0f\s]+$/u;

const words = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * Splits a title into the pieces a line may break between: words with their
 * trailing space, and, in scripts without spaces (Chinese, Japanese, Thai,
 * Lao, Khmer, Myanmar), the words ICU's dictionaries find. An emoji stays
 * with the word before it, so it is never left alone on a line.
 */
export function breakUnits(text: string): string[] {
  const tokens = text.trim().match(/\S+\s*/g) ?? [];
  const units = tokens.flatMap((token) =>
    UNSPACED.test(token) ? splitWords(token) : [token],
  );
  return glueEmoji(units);
}

function splitWords(token: string): string[] {
  const pieces: string[] = [];
  for (const { segment, isWordLike } of words.segment(token)) {
    const last = pieces.length - 1;
    if (!isWordLike && last >= 0) pieces[last] += segment;
    else pieces.push(segment);
  }
  return pieces;
}

function glueEmoji(units: string[]): string[] {
  const glued: string[] = [];
  for (const unit of units) {
    const last = glued.length - 1;
    if (EMOJI_ONLY.test(unit) && last >= 0) glued[last] += unit;
    else glued.push(unit);
  }
  return glued;
}

/** Characters after which a URL or a path breaks without a hyphen. */
const SEPARATORS = /[^/\\.\-_?&=#:@+~|]*[/\\.\-_?&=#:@+~|]+|[^]+$/gu;

/**
 * A too-long unit cut after its separators ("example.com/long/path" at
 * each "." and "/", "Jean-Luc" after its hyphen), which need no hyphen.
 */
export function splitAtSeparators(unit: string): string[] {
  const pieces = unit.match(SEPARATORS) ?? [unit];
  const last = pieces.length - 1;
  // Trailing space belongs to the last piece; a lone space is no piece.
  if (last > 0 && (pieces[last] ?? '').trim() === '') {
    pieces[last - 1] += pieces.pop() ?? '';
  }
  return pieces;
}

/** A virama, coeng or joiner: the next letter stacks or joins onto it. */
const JOINS_NEXT =
  /[\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0c4d\u0ccd\u0d4d\u0dca\u1039\u17d2\u1a60\u200d]$/u;
const MARK_OR_SPACE = /^[\p{M}\s]/u;
const CASED_END = /[\p{Lu}\p{Ll}\p{Lt}]\p{M}*$/u;
const CASED_START = /^[\p{Lu}\p{Ll}\p{Lt}]/u;

/**
 * A too-long unit cut between its grapheme clusters, never inside one (an
 * emoji sequence, a letter and its marks), nor where a cluster joins the
 * next (an Indic conjunct over a virama, a Khmer subscript, a Sinhala
 * ligature over a joiner). Between two letters of a cased script (Latin,
 * Cyrillic, Greek, Armenian, Georgian) the cut gets a hyphen point.
 */
export function splitGraphemes(unit: string): string[] {
  const pieces: string[] = [];
  for (const segment of graphemes(unit)) {
    const last = pieces.length - 1;
    const previous = pieces[last];
    if (
      previous !== undefined &&
      (JOINS_NEXT.test(previous) ||
        MARK_OR_SPACE.test(segment) ||
        segment === HYPHEN_POINT)
    ) {
      pieces[last] = previous + segment;
    } else pieces.push(segment);
  }
  return pieces.map((piece, i) => {
    const next = pieces[i + 1];
    const hyphen =
      next !== undefined && CASED_END.test(piece) && CASED_START.test(next);
    return hyphen ? piece + HYPHEN_POINT : piece;
  });
}
