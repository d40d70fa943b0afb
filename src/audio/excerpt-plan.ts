/** Which part of a track is analysed. */
export interface ExcerptOptions {
  /**
   * Seconds of audio to analyse in total. Tracks no longer than this are
   * analysed whole. Default 30.
   */
  excerptSec?: number;
  /**
   * Where the excerpt comes from. Default `'spread'`.
   *
   * - `'spread'`: `windowCount` equal windows centred on equal parts of the
   *   track, so the figures describe the whole track (a quiet intro, a loud
   *   middle and a fade-out all count) and the energy contour follows the
   *   track's arc, at the cost of one excerpt.
   * - `'middle'`: one window centred on the track.
   * - `{ startSec }`: one window starting there (clamped to the track).
   */
  placement?: 'spread' | 'middle' | { startSec: number };
  /**
   * Number of windows for `'spread'`. Default 3. Windows are kept at least
   * `MIN_WINDOW_SEC` long (tempo needs several bars of uninterrupted audio),
   * so short excerpts use fewer windows.
   */
  windowCount?: number;
}

/** One stretch of the track to decode and analyse. */
export interface ExcerptWindow {
  startSec: number;
  lengthSec: number;
}

export const DEFAULT_EXCERPT_SEC = 30;
export const DEFAULT_WINDOW_COUNT = 3;
/** Eight seconds hold four bars at 120 BPM, enough for a tempo estimate. */
export const MIN_WINDOW_SEC = 8;

/**
 * Chooses the windows to analyse in a track of `durationSec` seconds. The
 * result is deterministic, in time order, never overlapping, and never
 * reaches past the end of the track.
 */
export function planExcerpt(
  durationSec: number,
  options: ExcerptOptions = {},
): ExcerptWindow[] {
  const excerptSec = options.excerptSec ?? DEFAULT_EXCERPT_SEC;
  if (!(excerptSec > 0)) {
    throw new RangeError('excerptSec must be a positive number of seconds');
  }
  if (!(durationSec > 0)) return [];

  const placement = options.placement ?? 'spread';
  if (typeof placement === 'object') {
    return [windowFrom(placement.startSec, excerptSec, durationSec)];
  }
  if (durationSec <= excerptSec) {
    return [{ startSec: 0, lengthSec: durationSec }];
  }
  if (placement === 'middle') {
    return [
      windowFrom((durationSec - excerptSec) / 2, excerptSec, durationSec),
    ];
  }
  return spreadWindows(durationSec, excerptSec, options.windowCount);
}

function windowFrom(
  startSec: number,
  lengthSec: number,
  durationSec: number,
): ExcerptWindow {
  const length = Math.min(lengthSec, durationSec);
  const start = Math.min(Math.max(0, startSec), durationSec - length);
  return { startSec: start, lengthSec: length };
}

function spreadWindows(
  durationSec: number,
  excerptSec: number,
  windowCount = DEFAULT_WINDOW_COUNT,
): ExcerptWindow[] {
  const fitting = Math.floor(excerptSec / MIN_WINDOW_SEC);
  const count = Math.max(1, Math.min(Math.floor(windowCount), fitting));
  const lengthSec = excerptSec / count;
  const windows: ExcerptWindow[] = [];
  for (let i = 0; i < count; i++) {
    const centreSec = ((i + 0.5) / count) * durationSec;
    windows.push(windowFrom(centreSec - lengthSec / 2, lengthSec, durationSec));
  }
  return windows;
}
