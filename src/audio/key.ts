import type { PitchClass } from './features.js';
import { MAJOR_PROFILE, MINOR_PROFILE } from './key-profiles.js';
import { clamp01 } from './series.js';

export const PITCH_CLASSES: readonly PitchClass[] = [
  'C',
  'C#',
  'D',
  'D#',
  'E',
  'F',
  'F#',
  'G',
  'G#',
  'A',
  'A#',
  'B',
];

export interface KeyEstimate {
  key: PitchClass;
  mode: 'major' | 'minor';
  confidence: number;
}

/**
 * A lead of 0.2 in correlation over the runner-up key is a clear call; the
 * runner-up is usually the relative or a fifth-related key, so real music
 * seldom gets there.
 */
const CLEAR_MARGIN = 0.2;
const NOISE_VARIATION = 0.2;
const TONAL_VARIATION = 0.5;

/**
 * Picks the key whose Krumhansl–Kessler profile, turned to each of the 12
 * tonics, correlates best with the chromagram. Confidence is the margin
 * over the second-best key, scaled so `CLEAR_MARGIN` reaches 1, and
 * damped when the chromagram is nearly flat (noise, drums), where any
 * winner is luck.
 */
export function estimateKey(chroma: readonly number[]): KeyEstimate {
  const candidates: { tonic: number; mode: 'major' | 'minor'; r: number }[] =
    [];
  for (let tonic = 0; tonic < 12; tonic++) {
    candidates.push({
      tonic,
      mode: 'major',
      r: correlate(chroma, MAJOR_PROFILE, tonic),
    });
    candidates.push({
      tonic,
      mode: 'minor',
      r: correlate(chroma, MINOR_PROFILE, tonic),
    });
  }
  candidates.sort((a, b) => b.r - a.r);
  const [best, second] = candidates as [
    (typeof candidates)[0],
    (typeof candidates)[0],
  ];
  if (!Number.isFinite(best.r))
    return { key: 'C', mode: 'major', confidence: 0 };

  const margin = clamp01((best.r - second.r) / CLEAR_MARGIN);
  return {
    key: PITCH_CLASSES[best.tonic]!,
    mode: best.mode,
    confidence: margin * tonality(chroma),
  };
}

/** Pearson correlation of the chroma with the profile rotated to `tonic`. */
function correlate(
  chroma: readonly number[],
  profile: readonly number[],
  tonic: number,
): number {
  const chromaMean = mean(chroma);
  const profileMean = mean(profile);
  let product = 0;
  let chromaSquares = 0;
  let profileSquares = 0;
  for (let pc = 0; pc < 12; pc++) {
    const c = chroma[pc]! - chromaMean;
    const p = profile[(pc - tonic + 12) % 12]! - profileMean;
    product += c * p;
    chromaSquares += c * c;
    profileSquares += p * p;
  }
  const denominator = Math.sqrt(chromaSquares * profileSquares);
  return denominator > 0 ? product / denominator : Number.NaN;
}

/**
 * How uneven the chromagram is, from its coefficient of variation: white
 * noise measures about 0.2 and counts as atonal (0); 0.5 and more (a
 * scale played note by note is about 0.8, most music 0.4–1.5) counts as
 * fully tonal (1).
 */
function tonality(chroma: readonly number[]): number {
  const average = mean(chroma);
  if (!(average > 0)) return 0;
  let squares = 0;
  for (const value of chroma) squares += (value - average) ** 2;
  const variation = Math.sqrt(squares / 12) / average;
  return clamp01(
    (variation - NOISE_VARIATION) / (TONAL_VARIATION - NOISE_VARIATION),
  );
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
