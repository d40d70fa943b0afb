import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderCover, STYLES } from '../../src/engine/index.js';
import { RenderPool } from '../../src/engine/render-pool.js';
import { sharedTracks, trackTitled } from './helpers/tracks.js';

const MB = 1024 * 1024;
const OPTIONS = { size: 1024, format: 'png' as const };

/** Every style for a spread of tracks (five scripts, audio and none). */
function coverJobs(count: number): { input: number; style: string }[] {
  return Array.from({ length: count }, (_, i) => ({
    input: i % 7,
    style: STYLES[i % STYLES.length]?.id ?? 'mono',
  }));
}

describe('render worker memory', () => {
  it('stays bounded over 200 covers rendered in one thread', async () => {
    const tracks = sharedTracks().filter((_, i) => i % 3 === 0);
    const pool = new RenderPool(1);
    const render = async (jobs: { input: number; style: string }[]) => {
      for (const [i, job] of jobs.entries()) {
        const input = tracks[job.input % tracks.length];
        if (!input) throw new Error('no track');
        await pool.renderStyle(input, job.style, { ...OPTIONS, variation: i });
      }
    };
    try {
      // The first covers load fonts, glyph caches and JIT code.
      await render(coverJobs(40));
      const settled = process.memoryUsage().rss;
      await render(coverJobs(160));
      const grown = (process.memoryUsage().rss - settled) / MB;

      // Before canvases were reused and the worker's event loop could
      // run, 160 covers at 1024² added about 700 MB.
      assert.ok(grown < 120, `RSS grew ${grown.toFixed(0)} MB`);
    } finally {
      await pool.close();
    }
  });

  it('draws on a reused canvas exactly as on a fresh thread', async () => {
    const input = trackTitled('Highway Ghosts');
    const pool = new RenderPool(1);
    try {
      const fresh = await pool.renderStyle(input, 'aura', {
        ...OPTIONS,
        variation: 1,
      });
      // Leave every kind of state behind on this thread's canvas: each
      // style, another size, and a different track.
      for (const style of STYLES) {
        renderCover(trackTitled('ネオンの雨'), { style: style.id, size: 700 });
      }
      renderCover(trackTitled('Nebula'), { style: 'ink' });
      const reused = renderCover(input, { style: 'aura', variation: 1 });
      assert.ok(reused.equals(fresh.bytes));
    } finally {
      await pool.close();
    }
  });
});
