// The art engine alone, on one core: milliseconds per cover (drawing and
// encoding) at 1024² and 3000², median over several tracks in every style.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AudioFeatures } from '../src/audio/features.js';
import { renderCover, STYLES, type CoverInput } from '../src/engine/index.js';
import { RenderPool } from '../src/engine/render-pool.js';
import { median, percentile, round } from './stats.js';

export interface EngineBenchResult {
  styles: number;
  /** Covers rendered at 1024² (every style times the sample tracks). */
  covers1024: number;
  medianMs1024: number;
  p95Ms1024: number;
  /** Median per style at 1024², ms. */
  perStyleMs1024: Record<string, number>;
  medianKb1024: number;
  maxKb1024: number;
  covers3000: number;
  medianMs3000: number;
  /** Process RSS after each round of one render thread, MB. */
  workerRssMb: number[];
  /** Covers per round in `workerRssMb`. */
  coversPerRound: number;
  /** The first cover of a new render thread: its start-up included. */
  firstCoverMs: number;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TRACKS = path.resolve(HERE, '../../shared/tracks/tracks.json');
const FEATURES = path.resolve(
  HERE,
  '../test/engine/fixtures/audio-features.json',
);
/** Titles covering audio and text-only tracks, long and short, five scripts. */
const SAMPLE = [
  'Nebula',
  'Machine Wars',
  'Paper Lanterns',
  'ネオンの雨',
  'قمر الصحراء',
  'The Night We Drove to the Edge of the Map and Waited for the Sun to Find Us',
];

interface TrackEntry {
  title: string;
  artist: string;
  tags: string;
  prompt: string;
}

function sampleInputs(): CoverInput[] {
  const entries = JSON.parse(readFileSync(TRACKS, 'utf8')) as TrackEntry[];
  const audio = JSON.parse(readFileSync(FEATURES, 'utf8')) as Record<
    string,
    AudioFeatures
  >;
  return entries
    .filter((entry) => SAMPLE.includes(entry.title))
    .map((entry) => ({
      title: entry.title,
      artist: entry.artist,
      tags: entry.tags,
      lyrics: entry.prompt,
      audio: audio[entry.title] ?? null,
    }));
}

function timeRender(
  input: CoverInput,
  style: string,
  size: number,
): { ms: number; bytes: number } {
  const started = performance.now();
  const bytes = renderCover(input, { style, size });
  return { ms: performance.now() - started, bytes: bytes.length };
}

export async function benchEngine(): Promise<EngineBenchResult> {
  const inputs = sampleInputs();
  // First, so this thread's own renders are not in the figures.
  const { workerRssMb, firstCoverMs } = await workerRssByRound(inputs);
  renderCover(inputs[0] as CoverInput, { style: 'bauhaus', size: 128 });

  const times: number[] = [];
  const sizes: number[] = [];
  const perStyle: Record<string, number> = {};
  for (const style of STYLES) {
    const styleTimes = inputs.map((input) => timeRender(input, style.id, 1024));
    styleTimes.forEach((t) => {
      times.push(t.ms);
      sizes.push(t.bytes / 1024);
    });
    perStyle[style.id] = round(median(styleTimes.map((t) => t.ms)));
  }
  const large = STYLES.map(
    (style) => timeRender(inputs[1] as CoverInput, style.id, 3000).ms,
  );

  return {
    styles: STYLES.length,
    covers1024: times.length,
    medianMs1024: round(median(times)),
    p95Ms1024: round(percentile(times, 95)),
    perStyleMs1024: perStyle,
    medianKb1024: round(median(sizes)),
    maxKb1024: round(Math.max(...sizes)),
    covers3000: large.length,
    medianMs3000: round(median(large)),
    coversPerRound: ROUND_COVERS,
    workerRssMb,
    firstCoverMs: round(firstCoverMs),
  };
}

const ROUND_COVERS = 36;

/**
 * Memory of one render thread over many covers: the process's RSS after
 * each round of 1024² covers (every style, the sample tracks). A flat
 * series after the first round or two means nothing accumulates per cover.
 * Also how long the new thread took over its first cover.
 */
async function workerRssByRound(
  inputs: CoverInput[],
  rounds = 8,
): Promise<{ workerRssMb: number[]; firstCoverMs: number }> {
  const started = performance.now();
  const pool = new RenderPool(1);
  const figures: number[] = [];
  let firstCoverMs = 0;
  try {
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < ROUND_COVERS; i++) {
        const input = inputs[i % inputs.length] as CoverInput;
        const style = STYLES[i % STYLES.length]?.id ?? 'mono';
        const options = { size: 1024, format: 'png' as const, variation: r };
        await pool.renderStyle(input, style, options);
        if (r === 0 && i === 0) firstCoverMs = performance.now() - started;
      }
      figures.push(Math.round(process.memoryUsage().rss / (1024 * 1024)));
    }
  } finally {
    await pool.close();
  }
  return { workerRssMb: figures, firstCoverMs };
}

if (
  process.argv[1] &&
  fileURLToPath(import.meta.url) === path.resolve(process.argv[1])
) {
  console.log(JSON.stringify(await benchEngine(), null, 2));
}
