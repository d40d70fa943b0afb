const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const EMOJI_ONLY =
  /^[\p{Extended_Pictographic}\p{Emoji_Component}\u200d\ufe0f\s]+$/u;

/**
 * Splits a title into the pieces a line may break between: words with their
 * trailing space, and, in Japanese or Chinese (no spaces), the words a
 * dictionary segmenter finds. An emoji stays with the word before it, so it
 * is never left alone on a line.
 */
export function breakUnits(text: string): string[] {
  const tokens = text.trim().match(/\S+\s*/g) ?? [];
  const units = tokens.flatMap((token) =>
    CJK.test(token) ? splitCjk(token) : [token],
  );
  return glueEmoji(units);
}

function splitCjk(token: string): string[] {
  const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
  const pieces: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(token)) {
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
