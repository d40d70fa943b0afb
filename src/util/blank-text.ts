/**
 * Characters that take no space (zero-width space, joiners, direction
 * marks, word joiner, BOM): a name made of them shows nothing.
 */
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff]/g;

/**
 * Whether a text shows nothing: empty, or only whitespace and invisible
 * characters. The one rule for a missing name, wherever a name is
 * required (a music title, a key name, `sleeve render --title`).
 */
export function isBlankText(text: string): boolean {
  return text.replace(INVISIBLE, '').trim() === '';
}
