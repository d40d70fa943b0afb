import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { analyzeAudio, decodeAudio } from '../../src/audio/index.js';
import { MagnitudeSpectrum } from '../../src/audio/magnitude-spectrum.js';
import { sniffAudioFormat } from '../../src/music/audio-format.js';
import { postMusicForm } from '../support/api-helpers.js';
import {
  request,
  startSleeve,
  type TestSleeve,
} from '../support/sleeve-server.js';
import { FIXTURE } from './fixtures/make-m4a-fixture.js';

// Made once with ffmpeg (fixtures/README.md); read here, never remade.
const bytes = fs.readFileSync(
  new URL(`./fixtures/${FIXTURE.file}`, import.meta.url),
);

/** The frequency of the strongest bin between `lowHz` and `highHz`. */
function strongestHz(
  samples: Float32Array,
  sampleRate: number,
  lowHz: number,
  highHz: number,
): number {
  const spectrum = new MagnitudeSpectrum(16384);
  const magnitudes = spectrum.compute(samples, Math.floor(samples.length / 3));
  const hzPerBin = sampleRate / spectrum.size;
  let best = Math.ceil(lowHz / hzPerBin);
  for (let bin = best; bin * hzPerBin <= highHz; bin += 1) {
    if (magnitudes[bin]! > magnitudes[best]!) best = bin;
  }
  return best * hzPerBin;
}

describe('decoding an M4A (AAC) file', () => {
  it('is an MP4 container with AAC audio, small enough to keep in git', () => {
    assert.equal(bytes.subarray(4, 8).toString('latin1'), 'ftyp');
    assert.ok(bytes.includes(Buffer.from('mp4a')), 'an mp4a sample entry');
    assert.ok(bytes.length < 60_000, `${bytes.length} bytes`);
    assert.deepEqual(sniffAudioFormat(bytes), {
      extension: 'm4a',
      contentType: 'audio/mp4',
    });
  });

  it('decodes to the sample rate and length it was encoded with', async () => {
    const decoded = await decodeAudio(bytes, { excerptSec: Infinity });
    assert.equal(decoded.sampleRate, FIXTURE.sampleRate);
    // AAC works in frames of 1024 samples; the decoder drops the
    // encoder's priming and padding, so the length is the source's.
    const frames = FIXTURE.seconds * FIXTURE.sampleRate;
    assert.ok(Math.abs(decoded.samples.length - frames) <= 1024);
    assert.ok(Math.abs(decoded.durationSec - FIXTURE.seconds) < 0.05);
  });

  it('keeps the pitch of its loudest tone', async () => {
    const decoded = await decodeAudio(bytes, { excerptSec: Infinity });
    const hz = strongestHz(decoded.samples, decoded.sampleRate, 200, 4000);
    const binHz = decoded.sampleRate / 16384;
    assert.ok(Math.abs(hz - FIXTURE.sineHz) <= binHz, `${hz} Hz`);
  });

  it('measures the key and tempo that were encoded', async () => {
    const features = await analyzeAudio(bytes);
    assert.equal(`${features.key} ${features.mode}`, 'D major');
    assert.equal(features.key, FIXTURE.key);
    assert.equal(features.mode, FIXTURE.mode);
    assert.ok(Math.abs(features.bpm - FIXTURE.bpm) <= 2, `${features.bpm}`);
    assert.ok(Math.abs(features.durationSec - FIXTURE.seconds) < 0.05);
    assert.ok(features.loudnessDb > -30 && features.loudnessDb < -3);
  });
});

describe('an M4A upload on the real server', () => {
  let server: TestSleeve;
  before(async () => {
    server = await startSleeve();
  });
  after(() => server?.close());

  it('is accepted, analysed in the worker pool and served back as audio/mp4', async () => {
    const key = await server.createKey();
    const created = await postMusicForm(
      server,
      key,
      { title: 'Sine in D', tags: 'test tone' },
      { bytes, name: 'sine.m4a' },
    );
    assert.equal(created.body.code, 200, created.body.msg);
    const taskId = created.body.data.taskId;

    const item = await request(
      server.url,
      'GET',
      `/api/v1/sleeve/music/${taskId}`,
      undefined,
      key,
    );
    const { features } = item.body.data;
    assert.equal(`${features.key} ${features.mode}`, 'D major');
    assert.ok(Math.abs(features.bpm - FIXTURE.bpm) <= 2, `${features.bpm}`);
    assert.ok(Math.abs(features.durationSec - FIXTURE.seconds) < 0.05);

    const audioUrl: string =
      item.body.data.record.response.sunoData[0].audioUrl;
    assert.match(audioUrl, /\/media\/audio\/[0-9a-f]{32}\.m4a$/);
    const served = await fetch(audioUrl);
    assert.equal(served.headers.get('content-type'), 'audio/mp4');
    assert.ok(Buffer.from(await served.arrayBuffer()).equals(bytes));
  });
});
