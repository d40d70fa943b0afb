import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AudioFeatures } from '../../src/audio/features.js';
import {
  renderCoverWithLayout,
  STYLES,
  type CoverInput,
} from '../../src/engine/index.js';
import {
  edgeDensity,
  hueTurn,
  lightnessSpread,
  massShiftX,
  meanLightness,
  meanWarmth,
  vividness,
} from './helpers/art-metrics.js';
import { decode, type Pixels } from './helpers/pixels.js';
import { trackTitled } from './helpers/tracks.js';

/**
 * Each audio feature on its own: the same words and recording length
 * (hence the same seed), one measured feature changed, and a measurable
 * effect in the expected direction in every style. Covers are read
 * without their type, so only the art is measured.
 */
const SIZE = 320;
/** Real recordings with plain and with dark, aggressive words. */
const BASES = ['Orbital Elevator', 'Machine Wars'];

/** A contour that swells at one moment (0–1) of the song. */
function peakAt(moment: number): number[] {
  return Array.from(
    { length: 32 },
    (_, i) => 0.25 + 0.75 * Math.exp(-(((i + 0.5) / 32 - moment) ** 2) / 0.012),
  );
}

function withAudio(title: string, change: Partial<AudioFeatures>): CoverInput {
  const track = trackTitled(title);
  if (!track.audio) throw new Error(`${title} has no audio fixture`);
  return { ...track, audio: { ...track.audio, ...change } };
}

async function art(input: CoverInput, style: string): Promise<Pixels> {
  const { bytes } = renderCoverWithLayout(input, {
    style,
    size: SIZE,
    drawText: false,
  });
  return decode(bytes);
}

/**
 * Renders every style of every base with two values of one feature and
 * returns the cases where `holds` fails, described.
 */
async function failures(
  low: Partial<AudioFeatures>,
  high: Partial<AudioFeatures>,
  holds: (a: Pixels, b: Pixels) => string | null,
  styles = STYLES.map((s) => s.id),
): Promise<string[]> {
  const found: string[] = [];
  for (const title of BASES) {
    for (const style of styles) {
      const a = await art(withAudio(title, low), style);
      const b = await art(withAudio(title, high), style);
      const problem = holds(a, b);
      if (problem) found.push(`${style} / ${title}: ${problem}`);
    }
  }
  return found;
}

const f = (x: number): string => x.toFixed(3);

describe('each audio feature visibly drives the art', () => {
  it('a faster tempo makes the rhythm denser', async () => {
    const found = await failures({ bpm: 72 }, { bpm: 168 }, (a, b) => {
      const [slow, fast] = [edgeDensity(a), edgeDensity(b)];
      return fast > slow * 1.05 ? null : `edges ${f(slow)} → ${f(fast)}`;
    });
    assert.deepEqual(found, []);
  });

  it('more energy makes the colours more vivid', async () => {
    // Ink & brush is ink on paper: its energy is the ink's density.
    const coloured = STYLES.map((s) => s.id).filter((id) => id !== 'ink');
    const found = await failures(
      { energy: 0.56 },
      { energy: 0.78 },
      (a, b) => {
        const [calm, loud] = [vividness(a), vividness(b)];
        return loud > calm * 1.08 ? null : `vividness ${f(calm)} → ${f(loud)}`;
      },
      coloured,
    );
    assert.deepEqual(found, []);
  });

  it('more energy raises the contrast', async () => {
    // 0.56 and 0.78 span the energies measured on the shared recordings.
    const found = await failures({ energy: 0.56 }, { energy: 0.78 }, (a, b) => {
      const [calm, loud] = [lightnessSpread(a), lightnessSpread(b)];
      return loud > calm * 1.03 ? null : `spread ${f(calm)} → ${f(loud)}`;
    });
    assert.deepEqual(found, []);
  });

  it('a major key paints warmer than the minor', async () => {
    const found = await failures(
      { mode: 'minor' },
      { mode: 'major' },
      (a, b) => {
        const [minor, major] = [meanWarmth(a), meanWarmth(b)];
        return major > minor + 0.2 ? null : `warmth ${f(minor)} → ${f(major)}`;
      },
    );
    assert.deepEqual(found, []);
  });

  it('the key moves the hue along the circle of fifths', async () => {
    const found = await failures({ key: 'C' }, { key: 'E' }, (a, b) => {
      const turn = hueTurn(a, b);
      return turn > 5 ? null : `hue turned ${turn.toFixed(1)}°`;
    });
    assert.deepEqual(found, []);
  });

  it('a brighter sound gives a lighter cover', async () => {
    const found = await failures(
      { brightness: 0.35 },
      { brightness: 0.75 },
      (a, b) => {
        const [dull, bright] = [meanLightness(a), meanLightness(b)];
        return bright > dull + 0.04 ? null : `L ${f(dull)} → ${f(bright)}`;
      },
    );
    assert.deepEqual(found, []);
  });

  it('the visual weight moves to where the song is loudest', async () => {
    const found = await failures(
      { energyContour: peakAt(0.2) },
      { energyContour: peakAt(0.8) },
      (a, b) => {
        const { shift, moved } = massShiftX(a, b);
        return shift > 0.05 && moved > 0.01
          ? null
          : `shift ${f(shift)}, moved ${f(moved)}`;
      },
    );
    assert.deepEqual(found, []);
  });
});
