import { clamp01 } from './series.js';

/**
 * Centroids that map to brightness 0 and 1. 200 Hz is a bass-heavy drone;
 * 6 kHz is about white noise once the spectrum is limited to 11 kHz. The
 * scale is logarithmic because pitch and timbre are heard that way.
 */
const DARK_HZ = 200;
const BRIGHT_HZ = 6000;

/** Maps a mean spectral centroid in Hz to 0 (dark) … 1 (bright). */
export function brightnessOf(centroidHz: number): number {
  if (!(centroidHz > DARK_HZ)) return 0;
  const position =
    Math.log(centroidHz / DARK_HZ) / Math.log(BRIGHT_HZ / DARK_HZ);
  return clamp01(position);
}
