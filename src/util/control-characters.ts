/**
 * C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates
 * (U+202A–202E, U+2066–2069). No face draws them; in a terminal they move
 * the cursor, recolour or retitle the window; in text they can reorder
 * what is shown, so "evil" reads as "live". Direction marks (LRM, RLM,
 * ALM), joiners and variation selectors are not among them: scripts and
 * emoji need those.
 */
export const CONTROL_CHARACTER =
  /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** The same, for replacing every one in a text. */
export const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'gu');
