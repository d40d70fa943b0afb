import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slug } from '../../src/cli/commands/render.js';

describe('sleeve render file names', () => {
  it('keeps the combining marks that words in many scripts are made of', () => {
    assert.equal(slug('សួស្តី ពិភពលោក'), 'សួស្តី-ពិភពលោក');
    assert.equal(slug('नमस्ते दुनिया'), 'नमस्ते-दुनिया');
    assert.equal(slug('สวัสดีครับ'), 'สวัสดีครับ');
    assert.equal(slug('Café del Mar'), 'café-del-mar');
  });

  it('drops what a file name should not hold', () => {
    assert.equal(slug('a/b\\c:d*e?"f<g>|h'), 'abcdefgh');
    assert.equal(slug('../../etc/passwd'), 'etcpasswd');
    assert.equal(slug('🥞🥞'), 'cover');
    assert.equal(slug('   '), 'cover');
  });

  it('cuts long titles at a whole character, within the bytes of a file name', () => {
    const clusters = (text: string) =>
      [...new Intl.Segmenter().segment(text)].map((part) => part.segment);
    const latin = slug('abcdefghij'.repeat(10));
    assert.equal(latin.length, 48);
    const title = 'ក្ករ'.repeat(60);
    const name = slug(title);
    assert.ok(
      Buffer.byteLength(name) <= 150,
      `${Buffer.byteLength(name)} bytes`,
    );
    assert.ok(clusters(name).length > 10);
    assert.deepEqual(
      clusters(name),
      clusters(title).slice(0, clusters(name).length),
    );
  });

  it('gives marks no letter to sit on, and piles of marks, no room', () => {
    // A tester's title: 300 characters, 290 of them combining accents.
    const zalgo = slug(('a' + '\u0301'.repeat(30)).repeat(10));
    assert.ok(Buffer.byteLength(zalgo) <= 150);
    // NFKC joins the first accent to its letter; four more stay.
    assert.equal(zalgo, ('\u00e1' + '\u0301'.repeat(4)).repeat(10));
    assert.equal(slug('👨‍👩‍👧‍👦🏳️‍🌈🇯🇵'), 'cover', 'no lone variation selector');
    assert.equal(slug('\u0301\u0301 Song'), 'song');
  });

  it('joins words with single hyphens and none at the ends', () => {
    assert.equal(slug('  Night  -  Drive  '), 'night-drive');
    assert.equal(slug('— Intro —'), 'intro');
    assert.equal(slug('मैं वहाँ रहता हूँ ' + 'x'.repeat(60)).endsWith('-'), false);
  });
});
