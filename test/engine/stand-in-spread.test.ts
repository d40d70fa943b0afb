import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loudestMoment } from '../../src/engine/reading/loudest-moment.js';
import { readTrack } from '../../src/engine/reading/read-track.js';
import { chooseForeground } from '../../src/engine/styles/sunset.js';
import type { CoverInput } from '../../src/engine/types.js';

const TITLES = [
  'Neon Drive',
  'Blast Furnace',
  'Pressure Drop',
  'Midnight Run',
  'Chrome Hearts',
  'Static',
  'Afterburner',
  'Night Shift',
  'Laser Grid',
  'Vapor',
  'Iron Rain',
  'Concrete Jaw',
  'Fault Line',
  'Cold Open',
  'Overdrive',
  'Black Box',
  'Signal',
  'Dead Air',
  'Furnace',
  'Relay',
];

const untold = (title: string, tags: string): CoverInput => ({
  title,
  tags,
  artist: '',
  lyrics: '',
  audio: null,
});

const range = (values: number[]) => Math.max(...values) - Math.min(...values);

describe('stand-in features of one genre without audio', () => {
  it('spread like recordings do: tempo, energy, the peak and the mode', () => {
    const features = TITLES.map(
      (title) => readTrack(untold(title, 'industrial')).features,
    );
    const bpm = features.map((f) => f.bpm);
    const energy = features.map((f) => f.energy);
    const peaks = new Set(
      features.map((f) => Math.floor(loudestMoment(f.contour) * 5)),
    );
    const modes = new Set(features.map((f) => f.mode));
    assert.ok(range(bpm) >= 12, `tempos ${bpm.join(', ')}`);
    assert.ok(range(energy) >= 0.12, `energies ${energy.join(', ')}`);
    assert.ok(peaks.size >= 4, `peaks in fifths ${[...peaks].join(', ')}`);
    assert.deepEqual([...modes].sort(), ['major', 'minor']);
  });

  it('keep what the words say: sad words make every track minor', () => {
    for (const title of TITLES.slice(0, 8)) {
      const { features } = readTrack(untold(title, 'industrial, sad, gloomy'));
      assert.equal(features.mode, 'minor', title);
    }
  });

  it('give a synthwave catalogue its neon grid for about half the titles', () => {
    const scenes = TITLES.map((title) =>
      chooseForeground(readTrack(untold(title, 'synthwave')), 0),
    );
    const grids = scenes.filter((scene) => scene === 'grid').length;
    assert.ok(grids >= 4 && grids <= 16, `grids: ${scenes.join(', ')}`);
    assert.ok(new Set(scenes).size >= 4, `scenes: ${scenes.join(', ')}`);
  });
});
