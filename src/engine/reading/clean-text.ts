import type { TrackText } from '../types.js';

/**
 * Characters that never belong on a cover: C0 and C1 controls and DEL
 * (which no face draws, so they came out as boxes) and the bidi
 * embeddings, overrides and isolates (U+202A–202E, U+2066–2069), with
 * which a title can make its own letters read backwards ("evil" shown as
 * "live"). Marks that only nudge direction (LRM, RLM, ALM), joiners and
 * variation selectors stay: scripts and emoji need them.
 */
const UNPRINTABLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /[\t\n\r\u2028\u2029]+/g;

/** One line of display text: breaks become spaces, controls go. */
export function cleanLine(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(UNPRINTABLE, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Multi-line text (lyrics): keeps its lines, loses the controls. */
export function cleanLines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNPRINTABLE, '');
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
