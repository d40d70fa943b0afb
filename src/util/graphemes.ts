// Grapheme clusters do not depend on the locale; one segmenter serves all.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A text's grapheme clusters: the characters a reader sees, each whole
 * (an emoji sequence, a letter with its marks, an Indic cluster).
 */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** How many characters a reader counts in a text. */
export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}
