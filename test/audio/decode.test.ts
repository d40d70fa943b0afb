import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyzeAudio,
  analyzeSignal,
  AudioDecodeError,
  decodeAudio,
} from '../../src/audio/index.js';
import { encodeFlac } from './helpers/flac-file.js';
import {
  cadence,
  kickTrack,
  mix,
  noiseSource,
  playChords,
  sine,
} from './helpers/synth.js';
import { encodeWav } from './helpers/wav-file.js';

/** A 40 s beat in C major: 120 BPM kick under an I–IV–V–I cadence. */
function music(rate: number): Float32Array {
  return mix(
    kickTrack(120, 40, rate, 0.4),
    playChords(cadence(60, 'major'), 40, rate),
  );
}

function isDecodeError(reason: string) {
  return (error: unknown) =>
    error instanceof AudioDecodeError &&
    error.reason === reason &&
    error.message.length > 0;
}

describe('decoding a WAV file', () => {
  it('measures a stereo 44.1 kHz WAV like the signal it was written from', async () => {
    const signal = music(44100);
    const features = await analyzeAudio(encodeWav([signal, signal], 44100));
    const direct = analyzeSignal(signal, 44100);
    assert.equal(features.durationSec, 40);
    assert.equal(features.analysedSec, 30);
    assert.ok(Math.abs(features.bpm - 120) <= 2, `${features.bpm}`);
    assert.equal(`${features.key} ${features.mode}`, 'C major');
    assert.ok(Math.abs(features.loudnessDb - direct.loudnessDb) < 0.05);
    assert.equal(features.bpm, direct.bpm);
  });

  it('decodes just the planned windows, at their place in the track', async () => {
    const left = sine(331, 60, 22050, 0.5);
    const right = sine(517, 60, 22050, 0.5);
    const decoded = await decodeAudio(encodeWav([left, right], 22050));
    assert.equal(decoded.durationSec, 60);
    assert.deepEqual(
      decoded.windows.map((w) => w.startSec),
      [5, 25, 45],
    );
    const window = decoded.windows[1]!;
    assert.equal(window.samples.length, 10 * 22050);
    for (let i = 0; i < window.samples.length; i += 997) {
      const expected = (left[25 * 22050 + i]! + right[25 * 22050 + i]!) / 2;
      assert.ok(Math.abs(window.samples[i]! - expected) < 1e-4);
    }
  });

  it('reads what is there of a WAV whose data was cut short', async () => {
    const bytes = encodeWav([sine(440, 10, 8000)], 8000);
    const cut = bytes.subarray(0, 44 + 2 * 8000 * 4); // 4 of 10 seconds
    const decoded = await decodeAudio(cut, { excerptSec: Infinity });
    assert.equal(decoded.durationSec, 4);
    assert.equal(decoded.samples.length, 4 * 8000);
  });
});

describe('decoding a FLAC file', () => {
  it('measures a FLAC file like the signal it was written from', async () => {
    const signal = music(48000);
    const features = await analyzeAudio(encodeFlac([signal], 48000));
    assert.ok(Math.abs(features.durationSec - 40) < 1e-6);
    assert.ok(Math.abs(features.bpm - 120) <= 2, `${features.bpm}`);
    assert.equal(`${features.key} ${features.mode}`, 'C major');
  });
});

describe('refusing what is not audio', () => {
  it('says an empty buffer is empty', async () => {
    await assert.rejects(
      analyzeAudio(new Uint8Array(0)),
      isDecodeError('empty_input'),
    );
  });

  it(
    'says random bytes are not a known format',
    { timeout: 10_000 },
    async () => {
      const next = noiseSource(42);
      const garbage = Uint8Array.from(
        { length: 50_000 },
        () => Math.floor((next() + 1) * 128) & 0xff,
      );
      await assert.rejects(
        analyzeAudio(garbage),
        isDecodeError('unsupported_format'),
      );
      const text = new TextEncoder().encode(
        '<html>not a song</html>'.repeat(100),
      );
      await assert.rejects(
        analyzeAudio(text),
        isDecodeError('unsupported_format'),
      );
    },
  );

  it('refuses a WAV cut inside its header', async () => {
    const bytes = encodeWav([sine(440, 1, 8000)], 8000);
    for (const length of [12, 30, 44]) {
      await assert.rejects(
        analyzeAudio(bytes.subarray(0, length)),
        AudioDecodeError,
      );
    }
  });

  it(
    'refuses a FLAC file cut after its header',
    { timeout: 10_000 },
    async () => {
      const bytes = encodeFlac([sine(440, 2, 44100)], 44100);
      await assert.rejects(
        analyzeAudio(bytes.subarray(0, 60)),
        AudioDecodeError,
      );
    },
  );

  it(
    'refuses familiar magic numbers followed by junk',
    { timeout: 10_000 },
    async () => {
      const next = noiseSource(7);
      const junk = Array.from(
        { length: 20_000 },
        () => Math.floor((next() + 1) * 128) & 0xff,
      );
      for (const magic of [
        'OggS',
        'ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000',
        'fLaC',
      ]) {
        const bytes = Uint8Array.from(
          [...magic].map((c) => c.charCodeAt(0)).concat(junk),
        );
        await assert.rejects(analyzeAudio(bytes), AudioDecodeError, magic);
      }
    },
  );
});
