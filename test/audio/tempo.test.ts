import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeSignal } from '../../src/audio/index.js';
import { kickTrack, mix, scaled, sine, whiteNoise } from './helpers/synth.js';

const RATE = 22050;

describe('tempo', () => {
  for (const bpm of [90, 120, 140, 174]) {
    it(`finds ${bpm} BPM in a kick drum pulse, within 2 BPM`, () => {
      const features = analyzeSignal(kickTrack(bpm, 40, RATE), RATE);
      assert.ok(
        Math.abs(features.bpm - bpm) <= 2,
        `expected ${bpm}, measured ${features.bpm}`,
      );
      assert.ok(features.bpmConfidence > 0.5, `${features.bpmConfidence}`);
    });
  }

  it('reads the same tempo from 44.1 and 48 kHz signals', () => {
    for (const rate of [44100, 48000]) {
      const features = analyzeSignal(kickTrack(128, 30, rate), rate);
      assert.ok(Math.abs(features.bpm - 128) <= 2, `${rate}: ${features.bpm}`);
    }
  });

  it('folds a 55 BPM pulse into the 70–180 range by doubling it', () => {
    const features = analyzeSignal(kickTrack(55, 40, RATE), RATE);
    assert.ok(Math.abs(features.bpm - 110) <= 2, `measured ${features.bpm}`);
  });

  it('keeps the tempo when noise is laid over the beat', () => {
    const beat = kickTrack(100, 40, RATE);
    const noisy = mix(beat, whiteNoise(40, RATE, 0.1, 7));
    const features = analyzeSignal(noisy, RATE);
    assert.ok(Math.abs(features.bpm - 100) <= 2, `measured ${features.bpm}`);
  });

  it('gives low tempo confidence for steady noise and a clear beat high', () => {
    const noise = analyzeSignal(whiteNoise(30, RATE, 0.3), RATE);
    const beat = analyzeSignal(scaled(kickTrack(120, 30, RATE), 0.5), RATE);
    assert.ok(noise.bpmConfidence < 0.3, `noise: ${noise.bpmConfidence}`);
    assert.ok(beat.bpmConfidence > noise.bpmConfidence + 0.3);
    assert.ok(noise.bpm >= 60 && noise.bpm <= 200);
  });
  it('finds no beat in a held tone, however steady its ripple', () => {
    // A pure sine has no onsets; its flux ripples with the frame grid, and
    // that ripple once scored a tempo confidence of 0.86.
    const features = analyzeSignal(sine(440, 30, RATE, 0.5), RATE);
    assert.ok(features.bpmConfidence < 0.05, `${features.bpmConfidence}`);
  });

  it('trusts no tempo from a clip too short to hold a few beats', () => {
    const short = analyzeSignal(kickTrack(120, 1.5, RATE), RATE);
    const long = analyzeSignal(kickTrack(120, 30, RATE), RATE);
    assert.ok(short.bpmConfidence < 0.2, `short: ${short.bpmConfidence}`);
    assert.ok(long.bpmConfidence > 0.5, `long: ${long.bpmConfidence}`);
  });
});
