import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeSignal } from '../../src/audio/index.js';
import {
  join,
  kickTrack,
  mix,
  scaled,
  silence,
  sine,
  whiteNoise,
} from './helpers/synth.js';

const RATE = 22050;

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

describe('loudness and energy', () => {
  it('measures a full-scale sine at −3 dBFS and a square-ish level scale', () => {
    const full = analyzeSignal(sine(440, 10, RATE, 1), RATE);
    const tenth = analyzeSignal(sine(440, 10, RATE, 0.1), RATE);
    assert.ok(Math.abs(full.loudnessDb - -3.01) < 0.1, `${full.loudnessDb}`);
    assert.ok(Math.abs(tenth.loudnessDb - -23.01) < 0.1, `${tenth.loudnessDb}`);
  });

  it('orders loudness and energy of the same music played loud and quiet', () => {
    const music = () =>
      mix(kickTrack(120, 30, RATE, 0.5), whiteNoise(30, RATE, 0.05));
    const loud = analyzeSignal(music(), RATE);
    const quiet = analyzeSignal(scaled(music(), 0.1), RATE);
    assert.ok(Math.abs(loud.loudnessDb - quiet.loudnessDb - 20) < 0.5);
    assert.ok(
      loud.energy > quiet.energy + 0.3,
      `${loud.energy} ${quiet.energy}`,
    );
  });

  it('gives a busy beat more energy than a drone at the same loudness', () => {
    const beat = analyzeSignal(
      mix(kickTrack(150, 30, RATE, 0.7), whiteNoise(30, RATE, 0.1)),
      RATE,
    );
    const gain = 10 ** (beat.loudnessDb / 20) * Math.SQRT2;
    const drone = analyzeSignal(sine(110, 30, RATE, gain), RATE);
    assert.ok(Math.abs(drone.loudnessDb - beat.loudnessDb) < 0.5);
    assert.ok(beat.energy > drone.energy, `${beat.energy} ${drone.energy}`);
  });

  it('draws a crescendo as a rising energy contour', () => {
    const signal = whiteNoise(30, RATE, 1, 3);
    for (let i = 0; i < signal.length; i++) {
      signal[i]! *= 10 ** ((-40 + (36 * i) / signal.length) / 20); // −40 → −4 dB
    }
    const { energyContour } = analyzeSignal(signal, RATE, {
      placement: 'middle',
    });
    assert.equal(energyContour.length, 32);
    assert.ok(
      mean(energyContour.slice(0, 8)) < mean(energyContour.slice(24)) - 0.3,
    );
    let rises = 0;
    for (let i = 1; i < 32; i++)
      if (energyContour[i]! >= energyContour[i - 1]!) rises++;
    assert.ok(rises >= 28, `rose ${rises} of 31 times`);
    assert.equal(Math.max(...energyContour), 1);
  });

  it('follows the arc of a whole track with spread windows', () => {
    // quiet intro, loud middle, quiet outro, 40 s each
    const signal = join(
      scaled(whiteNoise(40, RATE, 1, 1), 0.02),
      scaled(whiteNoise(40, RATE, 1, 2), 0.5),
      scaled(whiteNoise(40, RATE, 1, 3), 0.02),
    );
    const { energyContour } = analyzeSignal(signal, RATE);
    const third = (i: number) => mean(energyContour.slice(i * 11, i * 11 + 10));
    assert.ok(third(1) > third(0) + 0.3 && third(1) > third(2) + 0.3);
  });
});

describe('dynamics', () => {
  it('reads a signal broken by silences as more dynamic than a steady one', () => {
    const tone = () => sine(220, 2, RATE, 0.5);
    const gapped = join(
      tone(),
      silence(2, RATE),
      tone(),
      silence(2, RATE),
      tone(),
      silence(2, RATE),
      tone(),
      silence(2, RATE),
      tone(),
      silence(2, RATE),
    );
    const steady = analyzeSignal(sine(220, 20, RATE, 0.5), RATE);
    const broken = analyzeSignal(gapped, RATE);
    assert.ok(steady.dynamicsDb < 1, `steady: ${steady.dynamicsDb}`);
    assert.ok(broken.dynamicsDb > 40, `broken: ${broken.dynamicsDb}`);
  });

  it('measures the step between two levels', () => {
    const steps = join(sine(220, 10, RATE, 0.5), sine(220, 10, RATE, 0.05));
    const { dynamicsDb } = analyzeSignal(steps, RATE);
    assert.ok(Math.abs(dynamicsDb - 20) < 1, `${dynamicsDb}`);
  });
});

describe('brightness and spectrum', () => {
  it('orders noise above a high sine above a low sine', () => {
    const noise = analyzeSignal(whiteNoise(10, 44100, 0.3), 44100);
    const high = analyzeSignal(sine(3000, 10, 44100), 44100);
    const low = analyzeSignal(sine(150, 10, 44100), 44100);
    assert.ok(
      noise.brightness > high.brightness,
      `${noise.brightness} ${high.brightness}`,
    );
    assert.ok(high.brightness > low.brightness);
    assert.ok(
      Math.abs(high.spectralCentroidHz - 3000) < 60,
      `${high.spectralCentroidHz}`,
    );
    assert.equal(low.brightness, 0);
  });

  it('gives the same brightness for noise at 22.05 and 48 kHz', () => {
    const narrow = analyzeSignal(whiteNoise(10, 22050, 0.3), 22050);
    const wide = analyzeSignal(whiteNoise(10, 48000, 0.3), 48000);
    assert.ok(Math.abs(narrow.brightness - wide.brightness) < 0.03);
  });

  it('puts a tone in its spectrum band and empties bands above Nyquist', () => {
    const { spectrum } = analyzeSignal(sine(1000, 10, 22050), 22050);
    assert.equal(spectrum.length, 32);
    // Band edges are 40 Hz · 400^(i/32): 1 kHz falls in band 17.
    assert.equal(spectrum.indexOf(1), 17);
    assert.deepEqual(spectrum.slice(-3), [0, 0, 0]); // above 11.025 kHz
  });

  it('draws 128 absolute peaks', () => {
    const signal = join(sine(220, 5, RATE, 0.25), sine(220, 5, RATE, 0.75));
    const { waveform } = analyzeSignal(signal, RATE);
    assert.equal(waveform.length, 128);
    assert.ok(Math.abs(waveform[10]! - 0.25) < 0.02, `${waveform[10]}`);
    assert.ok(Math.abs(waveform[120]! - 0.75) < 0.02, `${waveform[120]}`);
  });
});

describe('silence and short input', () => {
  it('returns finite, neutral figures for digital silence', () => {
    const features = analyzeSignal(silence(10, RATE), RATE);
    const numbers = Object.values(features).flat();
    assert.ok(
      numbers.every(
        (value) => typeof value !== 'number' || Number.isFinite(value),
      ),
    );
    assert.equal(features.energy, 0);
    assert.equal(features.bpmConfidence, 0);
    assert.equal(features.keyConfidence, 0);
    assert.equal(features.loudnessDb, -100);
    assert.ok(features.energyContour.every((value) => value === 0));
  });

  it('analyses a clip shorter than one analysis frame', () => {
    const features = analyzeSignal(sine(440, 0.02, RATE), RATE);
    assert.ok(Math.abs(features.analysedSec - 0.02) < 0.001);
    assert.ok(features.bpm >= 60 && features.bpm <= 200);
  });

  it('refuses an empty signal and a bad sample rate', () => {
    assert.throws(() => analyzeSignal(new Float32Array(0), RATE), RangeError);
    assert.throws(() => analyzeSignal(sine(440, 1, RATE), 0), RangeError);
  });
});
