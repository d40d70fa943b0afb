import { clamp01 } from './series.js';

/** Loudness (dBFS RMS) that maps to no energy, and to full energy. */
const QUIET_DB = -45;
const LOUD_DB = -10;
/** Onsets per second that count as fully busy (16th notes at 120 BPM). */
const BUSY_ONSETS_PER_SEC = 8;

/**
 * Energy, 0–1: the loudness position between −45 and −10 dBFS, scaled by
 * activity from 0.6 (a sustained drone) to 1 (eight or more onsets per
 * second). Multiplying keeps a quiet passage low however busy it is, while
 * a loud drone still reads as fairly energetic.
 */
export function energyOf(loudnessDb: number, onsetsPerSec: number): number {
  const loudness = clamp01((loudnessDb - QUIET_DB) / (LOUD_DB - QUIET_DB));
  const activity = clamp01(onsetsPerSec / BUSY_ONSETS_PER_SEC);
  return loudness * (0.6 + 0.4 * activity);
}
