import { smooth } from './resample.js';

/**
 * When the song is loudest, as a fraction of its length (0–1): the peak
 * of the energy contour after light smoothing, so a single spike does not
 * outweigh a loud stretch. Styles place their heaviest element there,
 * with time running left to right.
 */
export function loudestMoment(contour: readonly number[]): number {
  if (contour.length < 2) return 0.5;
  const smoothed = smooth(contour, 2);
  let best = 0;
  smoothed.forEach((level, i) => {
    if (level > (smoothed[best] ?? -Infinity)) best = i;
  });
  return best / (smoothed.length - 1);
}
