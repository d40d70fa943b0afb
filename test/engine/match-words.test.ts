import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countWord } from '../../src/engine/reading/match-words.js';

describe('lexicon word matching', () => {
  it('counts whole words in any letter case, with plural endings', () => {
    assert.equal(countWord('Stars, STARS and a star', 'star'), 3);
    assert.equal(countWord('the boxes', 'box'), 1);
    assert.equal(countWord('starry starlight', 'star'), 0);
    assert.equal(countWord('ночь, НОЧЬ', 'ночь'), 2);
  });

  it('treats hyphens and punctuation as edges, letters and digits as not', () => {
    assert.equal(countWord('re-star! star.', 'star'), 2);
    assert.equal(countWord('star2 2star', 'star'), 0);
    assert.equal(countWord('éstar staré', 'star'), 0);
  });

  it('counts a letter outside the basic plane as part of the word', () => {
    // U+20000 is a letter written with two UTF-16 units on each side.
    assert.equal(countWord('\u{20000}star star\u{20000}', 'star'), 0);
    assert.equal(countWord('\u{1F31F}star\u{1F31F}', 'star'), 1);
  });

  it('matches a stem marked with "*" at the start of a word only', () => {
    assert.equal(countWord('Dreaming of dreamers', 'dream*'), 2);
    assert.equal(countWord('daydreaming', 'dream*'), 0);
  });

  it('matches phrases, and counts occurrences that do not overlap', () => {
    assert.equal(countWord('Drum and Bass, drum and bass', 'drum and bass'), 2);
    assert.equal(countWord('lalala', 'lala'), 0);
  });

  it('finds words of scripts without spaces anywhere in the text', () => {
    assert.equal(countWord('夜の海、夜空', '夜'), 2);
    assert.equal(countWord('ฝนตกในคืนนี้', 'ฝน'), 1);
  });
});
