import { CONTROL_CHARACTERS } from '../../util/control-characters.js';
import type { TrackText } from '../types.js';

/** Line breaks and tabs, which one-line text turns into spaces. */
const LINE_BREAKS = /[\t\n\r\u2028\u2029]+/g;

/**
 * Runs of the script-neutral combining marks (the diacritics blocks and
 * Cyrillic's enclosing signs) longer than any language stacks: Greek
 * polytonic puts three on one letter, "zalgo" text dozens, which tower
 * over the line and out of every text box. Three are kept.
 */
const STACKED_MARKS =
  /[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{4,}/g;
const MOST_STACKED = 3;

/**
 * One line of display text: breaks become spaces, controls go, and no
 * letter carries more than three generic combining marks.
 */
export function cleanLine(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROL_CHARACTERS, '')
    .replace(STACKED_MARKS, (run) => run.slice(0, MOST_STACKED))
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Multi-line text (lyrics): keeps its lines and tabs, loses the rest. */
export function cleanLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARACTERS, (char) =>
      char === '\n' || char === '\t' ? char : '',
    );
}

/**
 * The track's words as the engine may set them. Records keep what their
 * client sent; only what is drawn (and read for genre, mood and motifs)
 * is cleaned, the same way everywhere so a track's seed does not depend
 * on a stray control character.
 */
export function cleanTrackText<T extends TrackText>(input: T): T {
  return {
    ...input,
    title: cleanLine(input.title),
    artist: cleanLine(input.artist),
    tags: cleanLine(input.tags),
    lyrics: cleanLines(input.lyrics),
  };
}
