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
    assert.ok(chooseStyles(trackTitled('Dear Future Me')).includes('poster'));
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

describe('style choice within one genre', () => {
  const TITLES = [
    'Glass Harbour',
    'Slow Orbit',
    'Morning Field',
    'Iron Lung',
    'Dust',
    'Echoes of May',
    'Northern Lights',
    'Paper Boats',
    'Static Bloom',
    'The Quiet Hour',
    'Saltwater',
    'Cold Engine',
    'Lantern Walk',
    'Hollow Pines',
    'Signal Loss',
    'Afterglow',
    'Concrete Dreams',
    'Tidal',
    'Ember',
    'Winter Station',
    'Blue Hour',
    'Rust Belt',
    'Drift',
    'Fold',
    'Cathedral',
    'Marrow',
    'Soft Machine',
    'Fog Line',
    'Pulse',
    'Harvest Moon',
  ];
  const LEADS: Record<string, string> = {
    industrial: 'poster',
    'indie folk': 'ink',
    ambient: 'aura',
    synthwave: 'sunset',
  };

  for (const [tags, lead] of Object.entries(LEADS)) {
    it(`gives a catalogue of ${tags} several pairs around its lead style`, () => {
      const pairs = TITLES.map((title) =>
        chooseStyles({ title, tags, artist: '', lyrics: '', audio: null }),
      );
      const counts = new Map<string, number>();
      for (const pair of pairs) {
        const key = [...pair].sort().join('+');
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const seen = [...counts].map(([p, n]) => `${p} ${n}`).join(', ');
      assert.ok(counts.size >= 3, `pairs: ${seen}`);
      assert.ok(
        Math.max(...counts.values()) <= (TITLES.length * 2) / 3,
        `pairs: ${seen}`,
      );
      const led = pairs.filter((pair) => pair.includes(lead)).length;
      assert.ok(led >= TITLES.length * 0.8, `${lead} in ${led}: ${seen}`);
      // The first image, the one most clients show, is not always the lead.
      const first = pairs.filter((pair) => pair[0] === lead).length;
      assert.ok(first <= TITLES.length * 0.8, `${lead} first ${first} times`);
      assert.ok(first >= TITLES.length * 0.3, `${lead} first ${first} times`);
    });
  }
});
