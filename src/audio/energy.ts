import { clamp01 } from './series.js';

/** Loudness (dBFS RMS) that maps to no energy, and to full energy. */
const QUIET_DB = -45;
const LOUD_DB = -10;
/**
 * Onsets per second that count as fully busy: 8th notes at 180 BPM, or
 * 16th notes at 90. (The shared recordings range from about 2 to 5.5.)
 */
const BUSY_ONSETS_PER_SEC = 6;
/** The activity factor of a sustained drone: half of a busy passage's. */
const DRONE_FACTOR = 0.5;

/**
 * Energy, 0–1: the loudness position between −45 and −10 dBFS, scaled by
 * activity from 0.5 (a sustained drone) to 1 (six or more onsets per
 * second). Multiplying keeps a quiet passage low however busy it is, while
 * a loud drone still reads as middling.
 */
export function energyOf(loudnessDb: number, onsetsPerSec: number): number {
  const loudness = clamp01((loudnessDb - QUIET_DB) / (LOUD_DB - QUIET_DB));
  const activity = clamp01(onsetsPerSec / BUSY_ONSETS_PER_SEC);
  return loudness * (DRONE_FACTOR + (1 - DRONE_FACTOR) * activity);
}
