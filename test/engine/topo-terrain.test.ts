import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRandom, hashString } from '../../src/engine/random.js';
import { readTrack } from '../../src/engine/reading/read-track.js';
import { GRID, mapHeights } from '../../src/engine/styles/topo.js';
import { sharedTracks } from './helpers/tracks.js';

/**
 * Summits: points higher than every other within three grid steps and
 * standing in the upper two thirds of the map's relief.
 */
function summits(field: Float64Array): number {
  const max = Math.max(...field);
  const min = Math.min(...field);
  const at = (i: number, j: number) => field[j * GRID + i] ?? -Infinity;
  let count = 0;
  for (let j = 0; j < GRID; j++) {
    for (let i = 0; i < GRID; i++) {
      const h = at(i, j);
      if (h < min + (max - min) / 3) continue;
      let highest = true;
      for (let dj = -3; dj <= 3 && highest; dj++) {
        for (let di = -3; di <= 3 && highest; di++) {
          if ((di || dj) && at(i + di, j + dj) >= h) highest = false;
        }
      }
      if (highest) count++;
    }
  }
  return count;
}

const heightsOf = (title: string, contour: number[]) =>
  mapHeights(contour, createRandom(hashString('topo-test', hashString(title))));

describe('contour map terrain', () => {
  it('raises several summits, not one dome, on most shared tracks', () => {
    const counts = sharedTracks().map((track) => {
      const { features } = readTrack(track);
      return summits(heightsOf(track.title, features.contour));
    });
    const several = counts.filter((n) => n >= 2).length;
    assert.ok(several >= counts.length * 0.7, `summits: ${counts.join(', ')}`);
  });

  it('puts the highest ground where the song is loudest', () => {
    // Loud only in the last fifth: the top of the map lies on the right.
    const late = Array.from({ length: 32 }, (_, i) => (i >= 26 ? 1 : 0.05));
    for (const title of ['A', 'B', 'C', 'D', 'E']) {
      const field = heightsOf(title, late);
      const top = field.indexOf(Math.max(...field));
      assert.ok(top % GRID > GRID * 0.6, `${title}: summit at x ${top % GRID}`);
    }
  });

  it('is the same map for the same track', () => {
    const contour = [0.2, 0.5, 0.9, 0.4];
    assert.deepEqual(heightsOf('Same', contour), heightsOf('Same', contour));
  });
});
