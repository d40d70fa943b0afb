import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTrack } from '../../src/engine/reading/read-track.js';
import type { CoverInput } from '../../src/engine/types.js';

const track = (title: string): CoverInput => ({
  title,
  artist: '',
  tags: 'indie pop',
  lyrics: '',
  audio: null,
});

describe("the title's mood words", () => {
  it('move the mood the palette is made from', () => {
    const plain = readTrack(track('Postcards')).mood;
    const gloomy = readTrack(track('Gloomy Lonely Postcards')).mood;
    assert.ok(gloomy.valence < plain.valence - 0.5, `${gloomy.valence}`);
    assert.ok(gloomy.darkness > plain.darkness, `${gloomy.darkness}`);
    assert.deepEqual(gloomy.words, ['gloomy', 'lonely']);
  });

  it('darken the ground of a dark title and light that of a happy one', () => {
    const dark = readTrack(track('Dark Gloomy Haunting')).palette;
    const happy = readTrack(track('Happy Sunny Joyful')).palette;
    assert.ok(dark.darkGround, `dark title: ground value ${dark.value}`);
    assert.ok(!happy.darkGround, `happy title: ground value ${happy.value}`);
    assert.ok(
      dark.value < happy.value - 0.3,
      `${dark.value} vs ${happy.value}`,
    );
  });

  it('count once whether they stand in the tags or the title', () => {
    const inTags = readTrack({ ...track('Postcards'), tags: 'indie pop, sad' });
    const inTitle = readTrack(track('Sad Postcards'));
    assert.ok(Math.abs(inTags.mood.valence - inTitle.mood.valence) < 0.2);
    assert.deepEqual(inTags.mood.words, inTitle.mood.words);
  });
});
