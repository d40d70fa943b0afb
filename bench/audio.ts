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
  /**
   * Median CPU time of the process over the same call, in ms: the cost on
   * one core even when other work shares the machine (it also counts the
   * garbage collector's helper threads, so it can exceed `ms`).
   */
  cpuMs: number;
}

export interface AudioBenchResult {
  tracks: AudioBenchTrack[];
  /** Minutes of audio over all tracks (whole tracks, not excerpts). */
  audioMinutes: number;
  totalMs: number;
  /** totalMs / audioMinutes: the figure to hold under the target. */
  msPerMinute: number;
  /** The same in CPU time, which contention on the machine does not inflate. */
  cpuMsPerMinute: number;
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

async function timeTrack(
  file: string,
  bytes: Uint8Array,
): Promise<AudioBenchTrack> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let durationSec = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    durationSec = (await analyzeAudio(bytes)).durationSec;
    const used = process.cpuUsage(cpuBefore);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { file, durationSec, ms: median(wall), cpuMs: median(cpu) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function summarise(tracks: AudioBenchTrack[]): AudioBenchResult {
  const audioMinutes = tracks.reduce((sum, t) => sum + t.durationSec, 0) / 60;
  const totalMs = tracks.reduce((sum, t) => sum + t.ms, 0);
  const cpuMs = tracks.reduce((sum, t) => sum + t.cpuMs, 0);
  const perMinute = tracks.map((t) => t.ms / (t.durationSec / 60));
  return {
    tracks,
    audioMinutes,
    totalMs,
    msPerMinute: audioMinutes > 0 ? totalMs / audioMinutes : 0,
    cpuMsPerMinute: audioMinutes > 0 ? cpuMs / audioMinutes : 0,
    worstMsPerMinute: Math.max(0, ...perMinute),
    targetMsPerMinute: AUDIO_TARGET_MS_PER_MINUTE,
  };
}
