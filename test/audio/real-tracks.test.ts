import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import decode from 'audio-decode';
import {
  analyzeAudio,
  AudioDecodeError,
  decodeAudio,
  type AudioFeatures,
} from '../../src/audio/index.js';
import { downmix } from '../../src/audio/mono-audio.js';
import { readSharedAudio, sharedAudioFiles } from './helpers/shared-audio.js';
import { isNeighbourKey, isSameTempo } from './helpers/agreement.js';

const FILES = sharedAudioFiles();
const LONG_TRACK = 'orbital-elevator-full.mp3';

/**
 * Excerpts whose key honestly differs between the two halves, as a trace
 * of 5 s key readings over the clip shows (see docs/audio-features.md):
 * their key is not expected to be stable, only their tempo.
 */
const KEY_MOVES: Record<string, string> = {
  'red-rock-valley.mp3': 'modulates from A minor to C# minor at 0:20',
  'nebula.ogg': 'pads on D and G# (a tritone apart) alternate throughout',
  'media-threat.mp3': 'alternates C and D major harmony every ~10 s',
};

function assertSane(name: string, features: AudioFeatures): void {
  const unit = (value: number) => value >= 0 && value <= 1;
  assert.ok(features.bpm >= 60 && features.bpm <= 200, `${name} bpm`);
  assert.ok(features.loudnessDb >= -40 && features.loudnessDb <= 0, name);
  assert.ok(features.spectralCentroidHz >= 200, `${name} centroid`);
  assert.ok(features.spectralCentroidHz <= 8000, `${name} centroid`);
  assert.ok(features.dynamicsDb >= 0 && features.dynamicsDb <= 40, name);
  for (const value of [features.energy, features.brightness]) {
    assert.ok(unit(value), name);
  }
  for (const value of [features.bpmConfidence, features.keyConfidence]) {
    assert.ok(unit(value), name);
  }
  assert.equal(features.energyContour.length, 32);
  assert.equal(features.waveform.length, 128);
  assert.equal(features.spectrum.length, 32);
  for (const series of [features.energyContour, features.spectrum]) {
    assert.ok(series.every(unit), name);
    assert.equal(Math.max(...series), 1, name);
  }
  assert.ok(
    features.waveform.every(unit) && Math.max(...features.waveform) > 0.1,
  );
}

/** Two non-overlapping 20 s windows far apart in the track. */
function twoWindows(name: string): [number, number] {
  return name === LONG_TRACK ? [40, 200] : [0, 22];
}

describe('the shared recordings', () => {
  it('are all there to test against', () => {
    assert.ok(FILES.length >= 7, FILES.join(', '));
    for (const ext of ['mp3', 'ogg', 'wav']) {
      assert.ok(
        FILES.some((name) => name.endsWith(ext)),
        ext,
      );
    }
  });

  for (const name of FILES) {
    it(`${name}: figures fall in sane ranges`, async () => {
      const features = await analyzeAudio(readSharedAudio(name));
      assertSane(name, features);
      assert.equal(features.analysedSec, 30);
    });

    it(`${name}: the duration read from the header matches a full decode`, async () => {
      const bytes = readSharedAudio(name);
      const [decoded, full] = await Promise.all([
        decodeAudio(bytes),
        decode(bytes),
      ]);
      const fullSec = (full.channelData[0]?.length ?? 0) / full.sampleRate;
      assert.ok(
        Math.abs(decoded.durationSec - fullSec) < 0.005,
        `${decoded.durationSec} vs ${fullSec}`,
      );
    });

    it(`${name}: a decoded window holds the same samples as a full decode`, async () => {
      const bytes = readSharedAudio(name);
      const decoded = await decodeAudio(bytes, {
        placement: 'middle',
        excerptSec: 10,
      });
      const full = await decode(bytes);
      const reference = downmix(full.channelData);
      const window = decoded.windows[0]!;
      const expectedStart = Math.round(window.startSec * decoded.sampleRate);
      // MP3 decoders place samples up to ~1100 samples off after a cut (the
      // encoder and decoder delay that a full decode trims); search ±2400.
      const offset = bestAlignment(
        window.samples,
        reference,
        expectedStart,
        2400,
      );
      assert.ok(
        offset.error < 1e-3,
        `${name}: error ${offset.error} at ${offset.shift}`,
      );
      assert.equal(window.samples.length, 10 * decoded.sampleRate);
    });

    const agreeing = name in KEY_MOVES ? 'tempo agrees' : 'tempo and key agree';
    it(`${name}: ${agreeing} between two distant windows`, async () => {
      const bytes = readSharedAudio(name);
      const [first, second] = await Promise.all(
        twoWindows(name).map((startSec) =>
          analyzeAudio(bytes, { placement: { startSec }, excerptSec: 20 }),
        ),
      );
      assert.ok(
        isSameTempo(first!.bpm, second!.bpm),
        `${first!.bpm} vs ${second!.bpm}`,
      );
      if (name in KEY_MOVES) return;
      assert.ok(
        isNeighbourKey(first!, second!),
        `${first!.key} ${first!.mode} vs ${second!.key} ${second!.mode}`,
      );
    });
  }

  it('decodes a cut-off MP3 up to the cut and refuses a header-only one', async () => {
    const bytes = readSharedAudio(LONG_TRACK);
    const half = await decodeAudio(bytes.subarray(0, bytes.length / 2));
    assert.ok(Math.abs(half.durationSec - 141.1) < 1, `${half.durationSec}`);
    await assert.rejects(
      analyzeAudio(bytes.subarray(0, 300)),
      AudioDecodeError,
    );
  });
});

/** The shift of `window` within `reference` near `expected` that fits best. */
function bestAlignment(
  window: Float32Array,
  reference: Float32Array,
  expected: number,
  reach: number,
): { shift: number; error: number } {
  const probe = window.subarray(20_000, 22_000);
  let best = { shift: 0, error: Infinity };
  for (let shift = -reach; shift <= reach; shift++) {
    const start = expected + 20_000 + shift;
    if (start < 0 || start + probe.length > reference.length) continue;
    let error = 0;
    for (let i = 0; i < probe.length; i++) {
      error = Math.max(error, Math.abs(probe[i]! - reference[start + i]!));
    }
    if (error < best.error) best = { shift, error };
  }
  return best;
}
