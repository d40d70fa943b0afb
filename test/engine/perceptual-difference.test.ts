import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseStyles, renderCover } from '../../src/engine/index.js';
import { perceptualDistance } from './helpers/pixels.js';
import { sharedTracks } from './helpers/tracks.js';

/**
 * Thresholds on the mean OKLab distance of 24x24 thumbnails, measured on
 * these covers: re-encoding one as JPEG moves it 0.001-0.006, rotating all
 * its hues by 20 degrees 0.01-0.02, laying a 10% white veil over it
 * 0.07-0.10. The two covers of a task must differ more than a veiled copy
 * does (0.08); two tracks in one style, or two variations, more than a
 * 20-degree recolouring (0.03).
 */
const PAIR_MIN = 0.08;
const DISTINCT_MIN = 0.03;
const SIZE = 96;

describe('covers differ where they should', () => {
  const tracks = sharedTracks();

  it('the two covers of each task differ clearly', async () => {
    for (const input of tracks) {
      const [a, b] = chooseStyles(input).map((style) =>
        renderCover(input, { style, size: SIZE }),
      );
      const distance = await perceptualDistance(a as Buffer, b as Buffer);
      assert.ok(distance >= PAIR_MIN, `${input.title}: ${distance.toFixed(3)}`);
    }
  });

  it('different tracks in the same style differ', async () => {
    for (const style of ['bauhaus', 'poster', 'topo', 'mono']) {
      const covers = tracks.map((input) =>
        renderCover(input, { style, size: SIZE }),
      );
      for (let i = 1; i < covers.length; i++) {
        const distance = await perceptualDistance(
          covers[i - 1] as Buffer,
          covers[i] as Buffer,
        );
        assert.ok(
          distance >= DISTINCT_MIN,
          `${style}: ${tracks[i - 1]?.title} vs ${tracks[i]?.title}: ${distance.toFixed(3)}`,
        );
      }
    }
  });

  it('a variation changes the cover', async () => {
    for (const input of tracks.slice(0, 8)) {
      for (const style of ['aura', 'sunset', 'ink']) {
        const base = renderCover(input, { style, size: SIZE });
        const other = renderCover(input, { style, size: SIZE, variation: 1 });
        const distance = await perceptualDistance(base, other);
        assert.ok(
          distance >= DISTINCT_MIN,
          `${input.title} / ${style}: ${distance.toFixed(3)}`,
        );
      }
    }
  });
});
