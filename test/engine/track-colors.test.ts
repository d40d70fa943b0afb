import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describeTrack,
  renderCoverWithLayout,
  STYLES,
  type CoverInput,
} from '../../src/engine/index.js';
import {
  colorDistance,
  coverSwatches,
  type Swatch,
} from './helpers/color-distance.js';
import { fromHex, rgbToOklch } from '../../src/engine/color/color.js';
import { sharedTracks, trackTitled } from './helpers/tracks.js';

/**
 * On `colorDistance`'s scale a 20-degree recolouring of one cover is
 * 0.02–0.035. Two shared tracks must differ by more than that across the
 * nine styles on average, and clearly within every style; the ink, contour
 * and waveform styles draw in lines or ink on paper or a dark screen, so
 * their floor is lower. Before genres had colours of their own the closest
 * pairs scored 0.020 on average and 0.006–0.023 within a style.
 */
const MEAN_MIN = 0.036;
const STYLE_MIN = 0.022;
const PRINTED_MIN = 0.011;
const PRINTED = new Set(['ink', 'topo', 'waveform']);
const GROUND_SPREAD_MIN = 0.075;
const GENRE_TAGS = [
  'ambient, cinematic',
  'industrial, battle',
  'outlaw country',
  'bossa nova',
  'synthwave',
  'indie folk',
  'symphonic metal',
  'lo-fi hip hop',
  'dubstep',
];
const SIZE = 96;

const shortTitle = (input: CoverInput): string => input.title.slice(0, 24);

function oklab(hex: string): [number, number, number] {
  const { l, c, h } = rgbToOklch(fromHex(hex));
  const rad = (h * Math.PI) / 180;
  return [l, c * Math.cos(rad), c * Math.sin(rad)];
}

function meanPairDistance(points: [number, number, number][]): number {
  let sum = 0;
  let count = 0;
  points.forEach((p, i) =>
    points.slice(i + 1).forEach((q) => {
      sum += Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
      count++;
    }),
  );
  return sum / Math.max(1, count);
}

/** The art alone: the type is the same colours whatever the track. */
const art = (input: CoverInput, style: string): Buffer =>
  renderCoverWithLayout(input, { style, size: SIZE, drawText: false }).bytes;

async function swatchesByStyle(tracks: CoverInput[]): Promise<Swatch[][][]> {
  return Promise.all(
    STYLES.map((style) =>
      Promise.all(tracks.map((input) => coverSwatches(art(input, style.id)))),
    ),
  );
}

describe('every track has colours of its own', () => {
  const tracks = sharedTracks();
  const pairs = tracks.flatMap((_, i) =>
    tracks.slice(i + 1).map((__, k) => [i, i + 1 + k] as const),
  );
  const measured = swatchesByStyle(tracks);

  it('two tracks differ in colour across the styles', async () => {
    const byStyle = await measured;
    const alike = pairs.flatMap(([i, j]) => {
      const distances = byStyle.map((covers) =>
        colorDistance(covers[i] ?? [], covers[j] ?? []),
      );
      const mean = distances.reduce((s, d) => s + d, 0) / distances.length;
      if (mean >= MEAN_MIN) return [];
      const a = tracks[i] as CoverInput;
      const b = tracks[j] as CoverInput;
      return [`${shortTitle(a)} ~ ${shortTitle(b)}: ${mean.toFixed(3)}`];
    });
    assert.deepEqual(alike, []);
  });

  it('two tracks differ in colour in every style', async () => {
    const byStyle = await measured;
    const alike = STYLES.flatMap((style, s) => {
      const floor = PRINTED.has(style.id) ? PRINTED_MIN : STYLE_MIN;
      const covers = byStyle[s] ?? [];
      return pairs.flatMap(([i, j]) => {
        const d = colorDistance(covers[i] ?? [], covers[j] ?? []);
        if (d >= floor) return [];
        const a = tracks[i] as CoverInput;
        const b = tracks[j] as CoverInput;
        return [
          `${style.id}: ${shortTitle(a)} ~ ${shortTitle(b)} ${d.toFixed(3)}`,
        ];
      });
    });
    assert.deepEqual(alike, []);
  });

  it('one dark recording read as different genres gets different grounds', () => {
    // With the same key, mode, energy and brightness, the genre decides
    // where a dark ground lives: a dawn sky, steel, black, wine, a pine
    // night. Before genres had colours of their own all of these were
    // one maroon (mean distance 0.055-0.065).
    for (const title of ['Awakening', 'Orbital Elevator']) {
      const audio = trackTitled(title).audio;
      const grounds = GENRE_TAGS.map((tags) => {
        const input = { title: 'Track', artist: '', tags, lyrics: '', audio };
        const palette = describeTrack(input).palette;
        assert.ok(palette.darkGround, `${title} as ${tags}`);
        return oklab(palette.ground);
      });
      const spread = meanPairDistance(grounds);
      assert.ok(spread >= GROUND_SPREAD_MIN, `${title}: ${spread.toFixed(3)}`);
    }
  });
});
