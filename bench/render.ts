import os from 'node:os';
import { RenderPool } from '../src/engine/render-pool.js';
import type { CoverInput } from '../src/engine/types.js';
import { loadSharedTracks } from '../test/support/tracks.js';

export interface RenderBenchResult {
  threads: number;
  covers: number;
  coversPerSecond: number;
  peakRssMb: number;
}

/** (b) Whole covers (two per task) rendered per second on the pool. */
export async function benchRenderThroughput(
  covers = 96,
): Promise<RenderBenchResult> {
  const threads = os.availableParallelism();
  const pool = new RenderPool(threads);
  const inputs: CoverInput[] = loadSharedTracks().map((t) => ({
    title: t.title,
    artist: t.artist,
    tags: t.tags,
    lyrics: t.prompt,
    audio: null,
  }));
  let peakRss = process.memoryUsage().rss;
  const sample = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  try {
    const options = { size: 1024, format: 'png' as const, variation: 0 };
    // Warm every thread (fonts, JIT) before timing.
    await Promise.all(
      inputs.slice(0, threads * 2).map((i) => pool.renderPair(i, options)),
    );
    const started = performance.now();
    const jobs = [];
    for (let n = 0; n < covers / 2; n += 1) {
      const input = inputs[n % inputs.length] as CoverInput;
      jobs.push(pool.renderPair(input, { ...options, variation: n }));
    }
    await Promise.all(jobs);
    const seconds = (performance.now() - started) / 1000;
    return {
      threads,
      covers,
      coversPerSecond: Math.round((covers / seconds) * 10) / 10,
      peakRssMb: Math.round(peakRss / (1024 * 1024)),
    };
  } finally {
    clearInterval(sample);
    await pool.close();
  }
}
