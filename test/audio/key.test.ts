import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accumulateChroma } from '../../src/audio/chroma.js';
import { analyzeSignal, type PitchClass } from '../../src/audio/index.js';
import {
  cadence,
  noteHz,
  playChords,
  sine,
  whiteNoise,
} from './helpers/synth.js';

const RATE = 22050;

/** MIDI numbers of the tonics used, around middle C. */
const KEYS: { key: PitchClass; mode: 'major' | 'minor'; tonic: number }[] = [
  { key: 'C', mode: 'major', tonic: 60 },
  { key: 'A', mode: 'minor', tonic: 57 },
  { key: 'F#', mode: 'major', tonic: 54 },
  { key: 'D', mode: 'minor', tonic: 62 },
  { key: 'A#', mode: 'major', tonic: 58 },
  { key: 'E', mode: 'minor', tonic: 52 },
];

describe('key and mode', () => {
  for (const { key, mode, tonic } of KEYS) {
    it(`finds ${key} ${mode} in a cadence played in it`, () => {
      const signal = playChords(cadence(tonic, mode), 30, RATE);
      const features = analyzeSignal(signal, RATE);
      assert.equal(`${features.key} ${features.mode}`, `${key} ${mode}`);
      assert.ok(features.keyConfidence > 0.2, `${features.keyConfidence}`);
    });
  }

  it('finds the key of a major scale played up and down', () => {
    // G major: G A B C D E F# G, each note half a second.
    const steps = [0, 2, 4, 5, 7, 9, 11, 12, 11, 9, 7, 5, 4, 2];
    const chords = steps.map((step) => ({ notes: [55 + step], seconds: 0.5 }));
    chords.push({ notes: [43, 55, 59, 62], seconds: 2 }); // a G chord
    const features = analyzeSignal(playChords(chords, 30, RATE), RATE);
    assert.equal(`${features.key} ${features.mode}`, 'G major');
  });

  it('trusts no key from a second of music', () => {
    const chords = cadence(60, 'major');
    const second = analyzeSignal(playChords(chords, 1, RATE), RATE);
    const half = analyzeSignal(playChords(chords, 30, RATE), RATE);
    assert.ok(second.keyConfidence < 0.2, `1 s: ${second.keyConfidence}`);
    assert.ok(half.keyConfidence > 0.2, `30 s: ${half.keyConfidence}`);
  });

  it('gives noise much less key confidence than a chord progression', () => {
    const noise = analyzeSignal(whiteNoise(20, RATE, 0.3), RATE);
    const chords = analyzeSignal(
      playChords(cadence(60, 'major'), 20, RATE),
      RATE,
    );
    assert.ok(noise.keyConfidence < 0.2, `noise: ${noise.keyConfidence}`);
    assert.ok(chords.keyConfidence > noise.keyConfidence + 0.2);
  });

  it('files a slightly sharp tone under the nearer pitch class', () => {
    // 24 cents sharp of A4 is still A; 24 cents flat of A#4 is still A#.
    for (const [note, pitchClass] of [
      [69.24, 9],
      [69.76, 10],
    ] as const) {
      const chroma = accumulateChroma([sine(noteHz(note), 8, 11025, 0.5)]);
      assert.equal(chroma.indexOf(Math.max(...chroma)), pitchClass);
    }
  });
});
