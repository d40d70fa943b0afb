import { clamp01 } from './series.js';

export interface TempoEstimate {
  /** Beats per minute, within `MIN_BPM`–`MAX_BPM`. */
  bpm: number;
  /** Mean normalised autocorrelation at the beat period and its multiples. */
  confidence: number;
}

export const MIN_BPM = 60;
export const MAX_BPM = 200;
/** Returned, with confidence 0, when nothing in the signal pulses. */
export const FALLBACK_BPM = 120;

/**
 * A beat period is checked at 1–4 times its lag. The multiples sharpen the
 * estimate (an error of one frame at four beats is a quarter frame per
 * beat) and give less credit to half the true tempo, whose odd multiples
 * fall between beats.
 */
const HARMONICS = 4;
const GRID_STEP_BPM = 0.1;
/**
 * A wide log-normal preference centred on 120 BPM (1.5 octaves to fall to
 * 60 %), nearly flat over 70–180 so that the evidence decides there, and
 * a further 0.85 outside 70–180: between readings of equal strength an
 * octave apart (a plain kick at 87 or 174, a 65 BPM ballad read at 65 or
 * 130) it picks the one in the range where most listeners tap the beat.
 */
const PREFERRED_BPM = 120;
const PREFERENCE_OCTAVES = 1.5;
const PREFERRED_RANGE: readonly [number, number] = [70, 180];
const OUTSIDE_RANGE_WEIGHT = 0.85;
const OCTAVE_EVIDENCE = 0.55;

/**
 * Estimates tempo from onset-strength envelopes (one per excerpt window)
 * by autocorrelation: a steady beat makes the envelope correlate with
 * itself shifted by one beat, two beats and so on.
 */
export function estimateTempo(
  envelopes: readonly Float32Array[],
  framesPerSec: number,
): TempoEstimate {
  const maxLag = Math.ceil((HARMONICS * 60 * framesPerSec) / MIN_BPM);
  const correlation = pooledAutocorrelation(envelopes, maxLag);
  if (correlation === null) return { bpm: FALLBACK_BPM, confidence: 0 };

  let bestBpm = FALLBACK_BPM;
  let bestScore = -Infinity;
  let bestPulse = 0;
  for (let bpm = MIN_BPM; bpm <= MAX_BPM + 1e-9; bpm += GRID_STEP_BPM) {
    const pulse = pulseStrength(correlation, (60 * framesPerSec) / bpm);
    const score = pulse * tempoPreference(bpm);
    if (score > bestScore) {
      bestScore = score;
      bestBpm = bpm;
      bestPulse = pulse;
    }
  }
  return foldIntoRange(correlation, framesPerSec, bestBpm, bestPulse);
}

/**
 * Octave-error handling: a winner outside 70–180 BPM gives way to its
 * double or half inside the range when that still shows a real pulse of
 * its own. Half-time music scores `pulseStrength` 0.5 at the double tempo
 * with nothing at all on the off-beats, so 0.55 asks for some.
 */
function foldIntoRange(
  correlation: Float64Array,
  framesPerSec: number,
  bpm: number,
  pulse: number,
): TempoEstimate {
  const [low, high] = PREFERRED_RANGE;
  const octave = bpm < low ? bpm * 2 : bpm > high ? bpm / 2 : bpm;
  const octavePulse = pulseStrength(correlation, (60 * framesPerSec) / octave);
  const folded = octave !== bpm && octavePulse >= OCTAVE_EVIDENCE * pulse;
  return {
    bpm: Math.round((folded ? octave : bpm) * 10) / 10,
    confidence: clamp01(folded ? octavePulse : pulse),
  };
}

/**
 * The autocorrelation of every window's detrended envelope, summed and
 * divided by the summed energy (lag 0), so 1 means perfectly periodic.
 * Null when the envelopes hold no energy at all.
 */
function pooledAutocorrelation(
  envelopes: readonly Float32Array[],
  maxLag: number,
): Float64Array | null {
  const pooled = new Float64Array(maxLag + 1);
  let longest = -1;
  for (const envelope of envelopes) {
    const pulses = detrend(envelope);
    const lags = Math.min(maxLag, pulses.length - 1);
    longest = Math.max(longest, lags);
    for (let lag = 0; lag <= lags; lag++) {
      let sum = 0;
      for (let i = 0; i + lag < pulses.length; i++) {
        sum += pulses[i]! * pulses[i + lag]!;
      }
      pooled[lag]! += sum;
    }
  }
  const energy = pooled[0]!;
  if (longest < 1 || !(energy > 0)) return null;
  for (let lag = 0; lag <= longest; lag++) pooled[lag]! /= energy;
  return pooled.subarray(0, longest + 1);
}

/**
 * Removes the slow level of the envelope (a running mean over about one
 * second, i.e. 43 frames a side at 86 frames/s), keeps what pokes above it,
 * smooths it lightly and centres it on zero, so the autocorrelation sees
 * pulses, not crescendos, and tolerates a frame of timing jitter.
 */
function detrend(envelope: Float32Array): Float64Array {
  const reach = 43;
  const length = envelope.length;
  const pulses = new Float64Array(length);
  let sum = 0;
  let from = 0;
  let to = 0;
  for (let i = 0; i < length; i++) {
    while (to < length && to <= i + reach) sum += envelope[to++]!;
    while (from < i - reach) sum -= envelope[from++]!;
    pulses[i] = Math.max(0, envelope[i]! - sum / (to - from));
  }
  return centre(smooth(pulses));
}

/**
 * Subtracts the mean: what is left above the running mean is never
 * negative, and its constant part would correlate at every lag and pass
 * steady noise off as a beat.
 */
function centre(values: Float64Array): Float64Array {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  const mean = values.length > 0 ? sum / values.length : 0;
  for (let i = 0; i < values.length; i++) values[i]! -= mean;
  return values;
}

function smooth(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const before = values[i - 1] ?? values[i]!;
    const after = values[i + 1] ?? values[i]!;
    out[i] = 0.25 * before + 0.5 * values[i]! + 0.25 * after;
  }
  return out;
}

/** Mean correlation at 1..HARMONICS times `lag`, between frames linearly. */
function pulseStrength(correlation: Float64Array, lag: number): number {
  let sum = 0;
  let count = 0;
  for (let multiple = 1; multiple <= HARMONICS; multiple++) {
    const at = lag * multiple;
    const low = Math.floor(at);
    if (low + 1 >= correlation.length) break;
    const t = at - low;
    sum += correlation[low]! * (1 - t) + correlation[low + 1]! * t;
    count++;
  }
  return count === 0 ? 0 : sum / count;
}

function tempoPreference(bpm: number): number {
  const octaves = Math.log2(bpm / PREFERRED_BPM) / PREFERENCE_OCTAVES;
  const [low, high] = PREFERRED_RANGE;
  const inRange = bpm >= low && bpm <= high ? 1 : OUTSIDE_RANGE_WEIGHT;
  return inRange * Math.exp(-0.5 * octaves * octaves);
}
