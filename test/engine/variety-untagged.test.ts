import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseStyles, type CoverInput } from '../../src/engine/index.js';
import { readTrack } from '../../src/engine/reading/read-track.js';
import { MOTIF_STYLES } from '../../src/engine/style-cues.js';
import { sharedTracks } from './helpers/tracks.js';

/**
 * Plain titles as an imported library of untagged records has them, many
 * with a motif word and many without (eighty, so that the shares below
 * measure the choice and not the luck of a few hashes).
 */
const TITLES = [
  'Ocean Eyes',
  'City Lights',
  'Rain',
  'Road Trip',
  'Stars',
  'Midnight',
  'Golden Hour',
  'Summer Rain',
  'Heartbeat',
  'Wildfire',
  'Moonlight',
  'Neon Dreams',
  'Falling',
  'Home',
  'Echoes',
  'Paper Planes',
  'Blue',
  'Lost',
  'Silver Lining',
  'Northern Lights',
  'Desert Rose',
  'Forest Walk',
  'Thunder',
  'Gravity',
  'Velvet',
  'Morning Coffee',
  'Afterglow',
  'Satellite',
  'Ghost',
  'Iron Heart',
  'Sweet Escape',
  'River Song',
  'Hold On',
  'Runaway',
  'Electric',
  'Fade Away',
  'Sunrise',
  'Broken Wings',
  'Together',
  'Closer',
  'Wonderland',
  'Breathe',
  'Alive',
  'Firefly',
  'Daydream',
  'Shadows',
  'Paradise',
  'Lullaby',
  'Storm Chaser',
  'Homecoming',
  'Static',
  'Crystal',
  'Nightfall',
  'Sugar',
  'Wanderer',
  'Highway Star',
  'Autumn Leaves',
  'Little Things',
  'Mirror',
  'Tokyo',
  'Undertow',
  'Skyline',
  'Salt Water',
  'Cold Coffee',
  'Burning Bridges',
  'Silent Night',
  'Letters',
  'Weightless',
  'Waves',
  'Heartache',
  'Gold',
  'Sparks',
  'Rebel',
  'Ember',
  'Pulse',
  'Horizon',
  'Drift',
  'Winter Song',
  'Kingdom',
  'Orbit',
];

const untagged = (title: string): CoverInput => ({
  title,
  artist: '',
  tags: '',
  lyrics: '',
  audio: null,
});

function tally(pairs: [string, string][]) {
  const styles = new Map<string, number>();
  const pairCounts = new Map<string, number>();
  for (const pair of pairs) {
    for (const id of pair) styles.set(id, (styles.get(id) ?? 0) + 1);
    const key = [...pair].sort().join('+');
    pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
  }
  return { styles, pairCounts };
}

describe('style choice for untagged tracks', () => {
  it('spreads the pairs of untagged titles over the styles', () => {
    const pairs = TITLES.map((title) => chooseStyles(untagged(title)));
    const { styles, pairCounts } = tally(pairs);
    const seen = [...styles].map(([id, n]) => `${id} ${n}`).join(', ');
    assert.ok(styles.size >= 6, `styles used: ${seen}`);
    for (const [id, count] of styles)
      assert.ok(count <= TITLES.length * 0.35, `${id} in ${count}: ${seen}`);
    for (const [pair, count] of pairCounts)
      assert.ok(count <= TITLES.length * 0.15, `${pair} ${count} times`);
  });

  it('gives a title with a motif word a style that can show it', () => {
    for (const title of TITLES) {
      const [motif] = readTrack(untagged(title)).motifs;
      if (!motif) continue;
      const showing = Object.keys(MOTIF_STYLES[motif]);
      const pair = chooseStyles(untagged(title));
      assert.ok(
        pair.some((id) => showing.includes(id)),
        `${title} (${motif}) got ${pair.join(' + ')}`,
      );
    }
  });

  it('lets the motif word change the pair', () => {
    const styles = (title: string): string =>
      [...chooseStyles(untagged(title))].sort().join('+');
    const plain = styles('Song');
    const scenic = ['Ocean Song', 'Desert Song', 'Night Song', 'Fire Song'];
    const changed = scenic.filter((title) => styles(title) !== plain);
    assert.equal(changed.length, scenic.length, `${changed.join(', ')}`);
  });

  it('offers a recording without tags its waveform or contour map', () => {
    const recordings = sharedTracks().filter((t) => t.audio !== null);
    let drawn = 0;
    for (const recording of recordings) {
      for (const title of TITLES.slice(0, 10)) {
        const pair = chooseStyles({
          ...untagged(title),
          audio: recording.audio,
        });
        if (pair.includes('waveform') || pair.includes('topo')) drawn++;
      }
    }
    const total = recordings.length * 10;
    assert.ok(drawn >= total * 0.8, `${drawn} of ${total}`);
  });

  it('paints untagged tracks warm and cold, not all in one family', () => {
    const warm = TITLES.filter(
      (title) => readTrack(untagged(title)).palette.temperature === 'warm',
    ).length;
    const share = warm / TITLES.length;
    assert.ok(share > 0.3 && share < 0.7, `${warm} of ${TITLES.length} warm`);
  });

  it('keeps the choice deterministic and the two styles apart', () => {
    for (const title of TITLES) {
      const first = chooseStyles(untagged(title));
      assert.deepEqual(chooseStyles(untagged(title)), first);
      assert.notEqual(first[0], first[1]);
      assert.notDeepEqual(chooseStyles(untagged(title), 1), first, title);
    }
  });
});
