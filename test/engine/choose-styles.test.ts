import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseStyles, describeTrack, STYLES } from '../../src/engine/index.js';
import { rankStyles } from '../../src/engine/choose-styles.js';
import { readTrack } from '../../src/engine/reading/read-track.js';
import { STYLE_REGISTRY } from '../../src/engine/styles/registry.js';
import { sharedTracks, trackTitled } from './helpers/tracks.js';

const kindOf = (id: string): string =>
  STYLE_REGISTRY.find((s) => s.info.id === id)?.kind ?? '';

describe('styles', () => {
  it('offers at least eight styles with unique ids and names', () => {
    assert.ok(STYLES.length >= 8);
    assert.equal(new Set(STYLES.map((s) => s.id)).size, STYLES.length);
    assert.equal(new Set(STYLES.map((s) => s.name)).size, STYLES.length);
    assert.equal(
      new Set(STYLE_REGISTRY.map((s) => s.kind)).size,
      STYLES.length,
      'each style is its own kind of picture',
    );
  });
});

describe('chooseStyles', () => {
  it('gives two different styles of different kinds for every track and variation', () => {
    for (const input of sharedTracks()) {
      for (let variation = 0; variation < 6; variation++) {
        const [a, b] = chooseStyles(input, variation);
        assert.notEqual(a, b, input.title);
        assert.notEqual(kindOf(a), kindOf(b), `${input.title}: ${a} and ${b}`);
      }
    }
  });

  it('is deterministic and variation gives other pairs', () => {
    const input = trackTitled('Highway Ghosts');
    assert.deepEqual(chooseStyles(input), chooseStyles(input, 0));
    const pairs = new Set(
      [0, 1, 2, 3].map((v) => chooseStyles(input, v).join('+')),
    );
    assert.ok(pairs.size >= 3, `variations gave ${[...pairs].join(', ')}`);
  });

  it('never offers the waveform style to a track without audio', () => {
    for (const input of sharedTracks().filter((t) => t.audio === null)) {
      for (let variation = 0; variation < 10; variation++) {
        assert.ok(
          !chooseStyles(input, variation).includes('waveform'),
          input.title,
        );
      }
    }
  });

  it('ranks the waveform style among the top three when there is audio', () => {
    const withAudio = sharedTracks().filter((t) => t.audio !== null);
    assert.equal(withAudio.length, 7);
    for (const input of withAudio) {
      const ranking = describeTrack(input).styleRanking;
      assert.ok(
        ranking.indexOf('waveform') < 3,
        `${input.title}: ${ranking.join(', ')}`,
      );
    }
  });

  it('suits the style to the genre', () => {
    assert.equal(chooseStyles(trackTitled('Dear Future Me'))[0], 'poster');
    assert.ok(
      chooseStyles(trackTitled('Clair de Lune (Reimagined)')).includes('mono'),
    );
  });

  it('blends the fits of the genres the tags name, by how strongly', () => {
    const track = { ...trackTitled('Machine Wars'), audio: null };
    const reading = readTrack(track);
    // The same reading with only the genres other tags would name.
    const score = (tags: string, id: string): number =>
      rankStyles({
        ...reading,
        genres: readTrack({ ...track, tags }).genres,
      }).find((r) => r.style.info.id === id)?.score ?? 0;
    // Bauhaus suits electronic music far better than industrial.
    const pure = score('industrial, battle, aggressive', 'bauhaus');
    const mixed = score('industrial, battle, aggressive, techno', 'bauhaus');
    const more = score('industrial, battle, techno, electronic', 'bauhaus');
    assert.ok(mixed > pure, `${pure} → ${mixed}`);
    assert.ok(more > mixed, `${mixed} → ${more}`);
  });
});
