/**
 * A peak is an onset if it is the largest value within ±4 frames (±46 ms:
 * at most about 11 onsets a second) …
 */
const PEAK_REACH = 4;
/**
 * … stands at least twice as high as the mean of the surrounding ±186 ms
 * (sustained pads and noise make the flux flicker by about half its level;
 * a struck note or drum jumps well past double) …
 */
const MEAN_REACH = 16;
const ABOVE_MEAN = 2;
/**
 * … and clears an absolute floor, so that the faint flicker of noise in a
 * quiet passage is not counted. (Onset strength is the mean rise of
 * log-compressed bin magnitudes; a soft note entering gives about 0.1.)
 */
const MIN_STRENGTH = 0.02;

/** Frame indices of the onsets in an onset-strength envelope. */
export function pickOnsets(strength: Float32Array): number[] {
  const onsets: number[] = [];
  for (let i = 0; i < strength.length; i++) {
    const value = strength[i]!;
    if (value < MIN_STRENGTH || !isLocalPeak(strength, i)) continue;
    if (value >= ABOVE_MEAN * localMean(strength, i)) onsets.push(i);
  }
  return onsets;
}

function isLocalPeak(strength: Float32Array, at: number): boolean {
  const from = Math.max(0, at - PEAK_REACH);
  const to = Math.min(strength.length - 1, at + PEAK_REACH);
  for (let i = from; i <= to; i++) {
    // Ties go to the earliest frame, so a flat top is counted once.
    if (
      strength[i]! > strength[at]! ||
      (i < at && strength[i] === strength[at])
    ) {
      return false;
    }
  }
  return true;
}

function localMean(strength: Float32Array, at: number): number {
  const from = Math.max(0, at - MEAN_REACH);
  const to = Math.min(strength.length - 1, at + MEAN_REACH);
  let sum = 0;
  for (let i = from; i <= to; i++) sum += strength[i]!;
  return sum / (to - from + 1);
}
