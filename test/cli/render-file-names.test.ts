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

  it('cuts long titles at a whole character', () => {
    const title = 'ក្ករ'.repeat(60);
    const clusters = (text: string) =>
      [...new Intl.Segmenter().segment(text)].map((part) => part.segment);
    const name = slug(title);
    assert.equal(clusters(name).length, 48);
    assert.deepEqual(clusters(name), clusters(title).slice(0, 48));
  });
});
