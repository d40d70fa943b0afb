import { energyOf } from './energy.js';
import { SILENCE_DB } from './loudness.js';
import { powerToDb, scaleToPeak } from './series.js';
import { meanSquare, sliceWindows } from './signal-slices.js';

export const CONTOUR_SLICES = 32;

/**
 * `energyOf` for each of 32 equal slices of the excerpt (windows back to
 * back), scaled to the peak. A slice is about a second long, too short to
 * count onsets in steadily, so its activity is the onset rate over it and
 * its two neighbours.
 *
 * @param onsets Onset times as fractions (0–1) of the excerpt.
 */
export function energyContour(
  windows: readonly Float32Array[],
  sampleRate: number,
  onsets: readonly number[],
): number[] {
  const counts = new Array<number>(CONTOUR_SLICES).fill(0);
  for (const at of onsets) {
    counts[Math.min(Math.floor(at * CONTOUR_SLICES), CONTOUR_SLICES - 1)]!++;
  }
  const total = windows.reduce((sum, window) => sum + window.length, 0);
  const sliceSec = total / CONTOUR_SLICES / sampleRate;
  const energies = sliceWindows(windows, CONTOUR_SLICES).map((pieces, i) => {
    const near = counts.slice(Math.max(0, i - 1), i + 2);
    const rate = near.reduce((a, b) => a + b, 0) / (near.length * sliceSec);
    const level = powerToDb(meanSquare(pieces), SILENCE_DB);
    return pieces.length > 0 ? energyOf(level, rate) : 0;
  });
  return scaleToPeak(energies);
}
