import fs from 'node:fs/promises';
import path from 'node:path';
import { analyzeAudio } from '../src/audio/index.js';

/** The budget from the issue: analysis per minute of audio, decode included. */
export const AUDIO_TARGET_MS_PER_MINUTE = 300;
/** Runs per track; the median is kept, so one GC pause does not count. */
const RUNS = 3;

export interface AudioBenchTrack {
  file: string;
  durationSec: number;
  /** Median wall time of `analyzeAudio`, decode included, in ms. */
  ms: number;
}

export interface AudioBenchResult {
  tracks: AudioBenchTrack[];
  /** Minutes of audio over all tracks (whole tracks, not excerpts). */
  audioMinutes: number;
  totalMs: number;
  /** totalMs / audioMinutes: the figure to hold under the target. */
  msPerMinute: number;
  /** The slowest single track, in ms per minute of its own audio. */
  worstMsPerMinute: number;
  targetMsPerMinute: number;
}

/**
 * Times `analyzeAudio` with default options over every audio file in
 * `tracksDir`, on this thread (one core). A first pass warms the decoders
 * (their WebAssembly is compiled once per process, as in a worker that
 * has analysed one track).
 */
export async function benchAudio(tracksDir: string): Promise<AudioBenchResult> {
  const files = (await fs.readdir(tracksDir))
    .filter((name) => /\.(mp3|ogg|wav|flac|m4a)$/i.test(name))
    .sort();
  const inputs = await Promise.all(
    files.map(async (file) => ({
      file,
      bytes: new Uint8Array(await fs.readFile(path.join(tracksDir, file))),
    })),
  );
  for (const { bytes } of inputs) await analyzeAudio(bytes);

  const tracks: AudioBenchTrack[] = [];
  for (const { file, bytes } of inputs)
    tracks.push(await timeTrack(file, bytes));
  return summarise(tracks);
}

async function timeTrack(file: string, bytes: Uint8Array) {
  const times: number[] = [];
  let durationSec = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    durationSec = (await analyzeAudio(bytes)).durationSec;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { file, durationSec, ms: times[Math.floor(RUNS / 2)]! };
}

function summarise(tracks: AudioBenchTrack[]): AudioBenchResult {
  const audioMinutes = tracks.reduce((sum, t) => sum + t.durationSec, 0) / 60;
  const totalMs = tracks.reduce((sum, t) => sum + t.ms, 0);
  const perMinute = tracks.map((t) => t.ms / (t.durationSec / 60));
  return {
    tracks,
    audioMinutes,
    totalMs,
    msPerMinute: audioMinutes > 0 ? totalMs / audioMinutes : 0,
    worstMsPerMinute: Math.max(0, ...perMinute),
    targetMsPerMinute: AUDIO_TARGET_MS_PER_MINUTE,
  };
}
