import { percentile, powerToDb } from './series.js';

/** Quieter than this counts as silence (about the noise of 16-bit audio). */
export const SILENCE_DB = -100;
/**
 * Loudness blocks are floored here for the dynamics figure, so a passage
 * of digital silence reads as "very quiet", not as minus infinity.
 */
const BLOCK_FLOOR_DB = -80;
/** 400 ms blocks, the span of a "momentary" loudness reading. */
const BLOCK_SEC = 0.4;

/**
 * RMS level of all the windows together in dBFS: 0 for a full-scale square
 * wave, −3 for a full-scale sine. Not gated, so silences lower it.
 */
export function measureLoudnessDb(windows: readonly Float32Array[]): number {
  let squares = 0;
  let count = 0;
  for (const signal of windows) {
    for (let i = 0; i < signal.length; i++) squares += signal[i]! * signal[i]!;
    count += signal.length;
  }
  return count === 0 ? SILENCE_DB : powerToDb(squares / count, SILENCE_DB);
}

/** RMS level in dBFS of `signal[from..to)`. */
function levelDb(signal: Float32Array, from: number, to: number) {
  let squares = 0;
  for (let i = from; i < to; i++) squares += signal[i]! * signal[i]!;
  return to > from ? powerToDb(squares / (to - from), SILENCE_DB) : SILENCE_DB;
}

/**
 * Dynamic range in dB: the 95th minus the 10th percentile of 400 ms block
 * levels. The percentiles ignore the few loudest hits and the quietest
 * gaps, so the figure says how far loud passages stand above quiet ones.
 */
export function measureDynamicsDb(
  windows: readonly Float32Array[],
  sampleRate: number,
): number {
  const block = Math.max(1, Math.round(BLOCK_SEC * sampleRate));
  const levels: number[] = [];
  for (const signal of windows) {
    for (let from = 0; from + block <= signal.length; from += block) {
      const db = levelDb(signal, from, from + block);
      levels.push(Math.max(BLOCK_FLOOR_DB, db));
    }
  }
  return percentile(levels, 0.95) - percentile(levels, 0.1);
}
