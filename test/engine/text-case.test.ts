import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderCoverWithLayout } from '../../src/engine/index.js';
import { upperCase } from '../../src/engine/reading/scripts.js';
import { prepareText } from '../../src/engine/typography/fit-text.js';
import { faceOf } from '../../src/engine/typography/genre-faces.js';
import type { TextSpec } from '../../src/engine/typography/text-spec.js';

function spec(text: string, uppercase: boolean): TextSpec {
  return {
    role: 'title',
    text,
    box: { x: 60, y: 60, w: 880, h: 400 },
    align: 'left',
    valign: 'top',
    faces: [faceOf('Inter', 800)],
    maxSize: 120,
    minSize: 28,
    maxLines: 3,
    lineHeight: 1,
    uppercase,
    colors: ['#000000'],
    plate: { kind: 'box', colors: ['#ffffff'] },
  };
}

/** A Greek capital with a tonos, or a bare combining acute or tonos. */
const TONOS = /[\u0386\u0388-\u038a\u038c\u038e\u038f\u0301\u0344]/u;

describe('upper case', () => {
  it('drops the Greek tonos and keeps the dialytika', () => {
    const cases: [string, string][] = [
      ['Καλημέρα', 'ΚΑΛΗΜΕΡΑ'],
      ['ευτυχία', 'ΕΥΤΥΧΙΑ'],
      ['Ελληνικά τραγούδια', 'ΕΛΛΗΝΙΚΑ ΤΡΑΓΟΥΔΙΑ'],
      ['προϋπόθεση', 'ΠΡΟΫΠΟΘΕΣΗ'],
      ['ΐ ΰ', 'Ϊ Ϋ'],
    ];
    for (const [text, upper] of cases) {
      assert.equal(prepareText(spec(text, true)).text, upper);
    }
  });

  it('marks a vowel pair the tonos split with a dialytika', () => {
    assert.equal(upperCase('άι'), 'ΑΪ');
    assert.equal(upperCase('Μάιος'), 'ΜΑΪΟΣ');
    assert.equal(upperCase('ρολόι'), 'ΡΟΛΟΪ');
    assert.equal(upperCase('κέικ'), 'ΚΕΪΚ');
    assert.equal(upperCase('άυλος'), 'ΑΫΛΟΣ');
  });

  it('leaves other scripts in a mixed title as they are', () => {
    assert.equal(upperCase('Café Καλημέρα'), 'CAFÉ ΚΑΛΗΜΕΡΑ');
    assert.equal(upperCase('straße'), 'STRASSE');
    assert.equal(upperCase('istanbul'), 'ISTANBUL');
  });

  it('is only applied when the spec asks', () => {
    assert.equal(prepareText(spec('Καλημέρα', false)).text, 'Καλημέρα');
  });

  it('sets an upper-cased Greek title without accents on the cover', () => {
    // The poster upper-cases the titles of non-serif genres.
    const { layout } = renderCoverWithLayout(
      {
        title: 'Καλημέρα Μάιος',
        artist: '',
        tags: 'pop',
        lyrics: '',
        audio: null,
      },
      { style: 'poster', size: 128 },
    );
    const lines = layout.texts.find((t) => t.role === 'title')?.lines ?? [];
    assert.equal(lines.join(' '), 'ΚΑΛΗΜΕΡΑ ΜΑΪΟΣ');
    assert.ok(!TONOS.test(lines.join(' ').normalize('NFD')));
  });
});
