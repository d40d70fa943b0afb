import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeTrack, renderCover } from '../../src/engine/index.js';
import { perceptualDistance } from './helpers/pixels.js';
import { trackTitled } from './helpers/tracks.js';

describe('describeTrack', () => {
  it('reads genre from the tags', () => {
    assert.equal(describeTrack(trackTitled('BASS CATHEDRAL')).genre, 'bass');
    assert.equal(describeTrack(trackTitled('Железный рассвет')).genre, 'metal');
    assert.equal(
      describeTrack(trackTitled('Samba da Madrugada')).genre,
      'latin',
    );
    assert.equal(describeTrack(trackTitled('Untitled 7')).genre, 'unknown');
  });

  it('takes a bpm written in the tags when there is no audio', () => {
    const features = describeTrack(trackTitled('BASS CATHEDRAL')).features;
    assert.equal(features.bpm, 140);
    assert.equal(features.bpmSource, 'tags');
  });

  it('takes measured figures when there is audio', () => {
    const input = trackTitled('Machine Wars');
    const features = describeTrack(input).features;
    assert.equal(features.bpmSource, 'audio');
    assert.equal(features.bpm, input.audio?.bpm);
    assert.deepEqual(features.waveform, input.audio?.waveform);
  });

  it('finds motifs in the words of any language', () => {
    assert.ok(
      describeTrack(trackTitled('Highway Ghosts')).motifs.includes('road'),
    );
    assert.ok(
      describeTrack(trackTitled('قمر الصحراء')).motifs.includes('moon'),
    );
    assert.ok(describeTrack(trackTitled('ネオンの雨')).motifs.includes('rain'));
    assert.ok(
      describeTrack(trackTitled('Gospel of the Tide')).motifs.includes('water'),
    );
  });

  it('reads the scripts of the title', () => {
    assert.deepEqual(describeTrack(trackTitled('Sunday Pancakes 🥞')).scripts, [
      'latin',
      'emoji',
    ]);
    assert.deepEqual(describeTrack(trackTitled('한여름 밤의 꿈')).scripts, [
      'hangul',
    ]);
  });

  it('lets mode set the temperature and energy the chroma', () => {
    const base = trackTitled('Nebula');
    const audio = base.audio;
    assert.ok(audio);
    const major = describeTrack({
      ...base,
      audio: { ...audio, mode: 'major' },
    }).palette;
    const minor = describeTrack({
      ...base,
      audio: { ...audio, mode: 'minor' },
    }).palette;
    assert.equal(major.temperature, 'warm');
    assert.equal(minor.temperature, 'cool');
    const calm = describeTrack({
      ...base,
      audio: { ...audio, energy: 0.1 },
    }).palette;
    const loud = describeTrack({
      ...base,
      audio: { ...audio, energy: 0.95 },
    }).palette;
    assert.ok(loud.chroma > calm.chroma + 0.1);
  });
});

describe('the audio drives the art', () => {
  it('changes the waveform cover when the waveform changes', async () => {
    const base = trackTitled('Orbital Elevator');
    assert.ok(base.audio);
    const flat = {
      ...base,
      audio: { ...base.audio, waveform: base.audio.waveform.map(() => 0.1) },
    };
    const a = renderCover(base, { style: 'waveform', size: 128 });
    const b = renderCover(flat, { style: 'waveform', size: 128 });
    assert.ok((await perceptualDistance(a, b)) > 0.02);
  });

  it('gives a different Bauhaus grid for a different tempo', async () => {
    const base = trackTitled('Jungle');
    assert.ok(base.audio);
    const fast = { ...base, audio: { ...base.audio, bpm: 180 } };
    const a = renderCover(base, { style: 'bauhaus', size: 128 });
    const b = renderCover(fast, { style: 'bauhaus', size: 128 });
    assert.ok((await perceptualDistance(a, b)) > 0.03);
  });
});
