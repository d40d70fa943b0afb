import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  renderCoverWithLayout,
  STYLES,
  type CoverInput,
} from '../../src/engine/index.js';
import { sampleTracks, sharedTracks, trackTitled } from './helpers/tracks.js';

const TEMPO = /\d+\s*BPM/i;
const KEY = /\b(MAJOR|MINOR)\b/i;

/** Every line of small print (not title or artist) in every style. */
function printedLabels(input: CoverInput): string[] {
  return STYLES.flatMap((style) => {
    const { layout } = renderCoverWithLayout(input, {
      style: style.id,
      size: 128,
    });
    return layout.texts
      .filter((text) => text.role === 'label')
      .map((text) => text.text);
  });
}

describe('what a cover prints about a track', () => {
  it('prints no tempo or key for a track without audio or tagged figures', () => {
    const wordsOnly = [...sharedTracks(), ...sampleTracks()].filter(
      (t) => t.audio === null && !/bpm/i.test(t.tags),
    );
    assert.ok(wordsOnly.length >= 12);
    for (const track of wordsOnly) {
      for (const label of printedLabels(track)) {
        assert.doesNotMatch(label, TEMPO, `${track.title}: ${label}`);
        assert.doesNotMatch(label, KEY, `${track.title}: ${label}`);
      }
    }
  });

  it('prints the track’s own style words in their place', () => {
    const labels = printedLabels(trackTitled('Paper Lanterns'));
    assert.ok(labels.includes('LO-FI HIP HOP · CHILL'), labels.join(' | '));
  });

  it('prints a tempo the tags state, as written, and no key', () => {
    for (const title of ['BASS CATHEDRAL', 'Harbour Lights']) {
      const labels = printedLabels(trackTitled(title));
      const bpm = /(\d+) bpm/i.exec(trackTitled(title).tags)?.[1];
      assert.ok(
        labels.some((l) => l.includes(`${bpm} BPM`)),
        title,
      );
      assert.ok(
        labels.every((l) => !KEY.test(l)),
        title,
      );
    }
  });

  it('prints a key stated in the tags', () => {
    const input = { ...trackTitled('Untitled 7'), tags: 'piano, F# minor' };
    assert.ok(printedLabels(input).some((l) => l.includes('F# MINOR')));
  });

  it('prints measured figures, but not a key the analysis only guessed', () => {
    const withAudio = sharedTracks().filter((t) => t.audio !== null);
    const byConfidence = (t: CoverInput) => t.audio?.keyConfidence ?? 0;
    const sorted = [...withAudio].sort(
      (a, b) => byConfidence(b) - byConfidence(a),
    );
    const sure = sorted[0];
    const unsure = sorted[sorted.length - 1];
    assert.ok(sure?.audio && sure.audio.keyConfidence >= 0.5);
    assert.ok(unsure?.audio && unsure.audio.keyConfidence < 0.1);

    const sureLabels = printedLabels(sure);
    const key = `${sure.audio.key} ${sure.audio.mode.toUpperCase()}`;
    const tempo = `${Math.round(sure.audio.bpm)} BPM`;
    assert.ok(
      sureLabels.some((l) => l.includes(key)),
      sureLabels.join(' | '),
    );
    // The tempo is printed exactly when its estimate is confident too.
    const tempoShown = sureLabels.some((l) => l.includes(tempo));
    assert.equal(tempoShown, sure.audio.bpmConfidence >= 0.2);
    for (const label of printedLabels(unsure)) {
      assert.doesNotMatch(label, KEY, label);
    }
  });
});
