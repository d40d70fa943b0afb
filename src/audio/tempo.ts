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
 * A log-normal preference centred on 120 BPM, as wide as listeners tap
 * (about one octave each way at half weight). It settles the octave
 * between equally periodic readings, e.g. 87 against 174 for a plain kick,
 * towards the 70–180 range where people hear the beat.
 */
const PREFERRED_BPM = 120;
const PREFERENCE_OCTAVES = 0.9;

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
  return {
    bpm: Math.round(bestBpm * 10) / 10,
    confidence: clamp01(bestPulse),
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
 * second, i.e. 43 frames a side at 86 frames/s), keeps what pokes above it
 * and smooths it lightly, so the autocorrelation sees pulses, not
 * crescendos, and tolerates a frame of timing jitter.
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
  return smooth(pulses);
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
  return Math.exp(-0.5 * octaves * octaves);
}
