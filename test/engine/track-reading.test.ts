import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describeTrack,
  renderCoverWithLayout,
} from '../../src/engine/index.js';
import { massShiftX } from './helpers/art-metrics.js';
import { decode } from './helpers/pixels.js';
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
    // A key the analysis is sure of, and words with no temperature.
    const base = trackTitled('Machine Wars');
    const audio = base.audio;
    assert.ok(audio && audio.keyConfidence > 0.5);
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

describe('the waveform style draws the recording', () => {
  it('puts the long bars where the waveform is loud', async () => {
    const base = trackTitled('Orbital Elevator');
    const audio = base.audio;
    assert.ok(audio);
    const ramp = audio.waveform.map((_, i, all) => i / (all.length - 1));
    // Both layouts: bars left to right, and the ring clockwise from below.
    for (const variation of [0, 1]) {
      const cover = async (waveform: number[]) =>
        decode(
          renderCoverWithLayout(
            { ...base, audio: { ...audio, waveform } },
            { style: 'waveform', size: 256, variation, drawText: false },
          ).bytes,
        );
      const falling = await cover([...ramp].reverse());
      const rising = await cover(ramp);
      const { shift, moved } = massShiftX(falling, rising);
      assert.ok(shift > 0.2 && moved > 0.05, `${shift} ${moved}`);
    }
  });
});
