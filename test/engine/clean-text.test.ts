import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseStyles, renderCover } from '../../src/engine/index.js';
import {
  cleanLine,
  cleanLines,
  cleanTrackText,
} from '../../src/engine/reading/clean-text.js';
import { renderCoverWithLayout } from '../../src/engine/render-cover.js';
import type { CoverInput } from '../../src/engine/types.js';

const track = (title: string, artist = ''): CoverInput => ({
  title,
  artist,
  tags: 'indie pop',
  lyrics: '',
  audio: null,
});

describe('text the engine sets', () => {
  it('drops controls, DEL and bidi overrides, embeddings and isolates', () => {
    assert.equal(
      cleanLine('Bell\u0007\u0000Null\u001b[31mred'),
      'BellNull[31mred',
    );
    assert.equal(cleanLine('a\u0085b\u007fc\u009fd'), 'abcd');
    assert.equal(cleanLine('שלום \u202eevil\u202c'), 'שלום evil');
    assert.equal(cleanLine('x\u2066y\u2067z\u2068w\u2069'), 'xyzw');
    assert.equal(cleanLine('one\ntwo\r\nthree\tfour'), 'one two three four');
  });

  it('keeps what scripts and emoji are made of', () => {
    const kept = [
      '👨\u200d👩\u200d👧', // zero-width joiners
      '❤\ufe0f', // variation selector
      'नमस्ते', // virama and vowel signs
      'ab\u200ecd\u200fef\u061c', // direction marks
      'e\u0301', // combining accent
    ];
    for (const text of kept) assert.equal(cleanLine(text), text);
  });

  it('keeps three combining marks on a letter and drops the tower above', () => {
    // Polytonic Greek, decomposed: breathing, accent and iota subscript.
    const greek = '\u03b1\u0313\u0301\u0345';
    assert.equal(cleanLine(greek), greek);
    assert.equal(
      cleanLine('Z\u0300\u0301\u0302\u0303\u0304\u0489o'),
      'Z\u0300\u0301\u0302o',
    );
    // Marks of a script's own are not generic diacritics: kept whole.
    assert.equal(cleanLine('क्षत्रिय'), 'क्षत्रिय');
  });

  it('keeps the lines of lyrics', () => {
    assert.equal(
      cleanLines('[Verse]\r\nLine one\u0007\r\nLine two'),
      '[Verse]\nLine one\nLine two',
    );
  });

  it('draws a title with control characters as the title without them', () => {
    const dirty = track('Bell\u0007\u0000Null\u001b[31mred', 'DJ\u0008 Two');
    const clean = track('BellNull[31mred', 'DJ Two');
    assert.deepEqual(chooseStyles(dirty), chooseStyles(clean));
    for (const style of ['mono', 'topo', 'poster']) {
      const options = { style, size: 256 };
      const drawn = renderCoverWithLayout(dirty, options);
      assert.ok(drawn.bytes.equals(renderCover(clean, options)), style);
      assert.deepEqual(
        drawn.layout.texts.map((text) => text.text),
        renderCoverWithLayout(clean, options).layout.texts.map((t) => t.text),
      );
    }
  });

  it('does not let an override turn letters around', () => {
    const spoof = track('שלום עולם \u202e evil');
    const plain = track('שלום עולם evil');
    const options = { style: 'mono', size: 256 };
    assert.ok(renderCover(spoof, options).equals(renderCover(plain, options)));
  });

  it('leaves the caller’s record alone', () => {
    const input = track('Tab\there');
    const cleaned = cleanTrackText(input);
    assert.equal(input.title, 'Tab\there');
    assert.equal(cleaned.title, 'Tab here');
    assert.equal(cleaned.audio, input.audio);
  });
});
