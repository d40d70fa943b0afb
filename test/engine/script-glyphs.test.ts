import { createCanvas } from '@napi-rs/canvas';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileOfFace } from '../../src/engine/fonts/font-catalog.js';
import { rangesContain } from '../../src/engine/fonts/read-cmap.js';
import { familyCoverage } from '../../src/engine/fonts/register-fonts.js';
import {
  renderCoverWithLayout,
  STYLES,
  type CoverInput,
  type TextBox,
} from '../../src/engine/index.js';
import { fontString } from '../../src/engine/typography/font-stack.js';
import { sharedTracks } from './helpers/tracks.js';

const CELL = 64;
/** A code point no shipped face maps: it renders as the .notdef box. */
const UNMAPPED = '\u{10FFFD}';

/** A glyph drawn alone, as a black-and-white bitmap. */
function glyphBitmap(text: string, stack: string[]): Uint8Array {
  const canvas = createCanvas(CELL * 2, CELL * 2);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, CELL * 2, CELL * 2);
  ctx.fillStyle = '#000';
  ctx.font = fontString(CELL * 0.8, stack);
  ctx.fillText(text, CELL * 0.3, CELL * 1.2);
  const data = ctx.getImageData(0, 0, CELL * 2, CELL * 2).data;
  return Uint8Array.from({ length: data.length / 4 }, (_, i) =>
    (data[i * 4] ?? 255) < 128 ? 1 : 0,
  );
}

const ink = (bitmap: Uint8Array): number =>
  bitmap.reduce((sum, v) => sum + v, 0);
const same = (a: Uint8Array, b: Uint8Array): boolean =>
  a.every((v, i) => v === b[i]);

const graphemes = (text: string): string[] =>
  [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)]
    .map((s) => s.segment)
    .filter((g) => g.trim() !== '');

/**
 * Every grapheme of a set title draws ink, is not the .notdef box, and
 * has each of its characters mapped by a shipped face in the title's
 * stack (so no host font stood in: this machine has DejaVu, which would
 * draw Hebrew, Georgian or Armenian where a user's machine may not).
 */
function assertRealGlyphs(title: TextBox, label: string): void {
  // A missing glyph draws the lead face's .notdef: a box in most faces,
  // nothing at all in some (Rye, Permanent Marker). Either way a real
  // glyph must have ink and must not be that .notdef.
  const tofu = glyphBitmap(UNMAPPED, title.fontStack);
  const coverages = title.fontStack.map((face) => {
    const file = fileOfFace(face);
    assert.ok(file, `${label}: ${face} is a shipped face`);
    return familyCoverage(file.family);
  });
  for (const grapheme of graphemes(title.lines.join(' '))) {
    const glyph = glyphBitmap(grapheme, title.fontStack);
    assert.ok(ink(glyph) > 0, `${label}: "${grapheme}" drew nothing`);
    assert.ok(!same(glyph, tofu), `${label}: "${grapheme}" drew the tofu box`);
    for (const char of grapheme.replace(/[\p{Cf}\ufe0f]/gu, '')) {
      const code = char.codePointAt(0) ?? 0;
      assert.ok(
        coverages.some((ranges) => rangesContain(ranges, code)),
        `${label}: no face in ${title.fontStack.join(', ')} maps U+${code.toString(16)}`,
      );
    }
  }
}

function titleOf(input: CoverInput, style: string, size = 64): TextBox {
  const { layout } = renderCoverWithLayout(input, { style, size });
  const title = layout.texts.find((t) => t.role === 'title');
  assert.ok(title, `${style} sets the title`);
  return title;
}

describe('every script of the shared titles renders real glyphs', () => {
  for (const input of sharedTracks()) {
    it(`${input.title}: no empty boxes in any style's title stack`, () => {
      for (const style of STYLES) {
        assertRealGlyphs(titleOf(input, style.id), style.id);
      }
    });
  }
});

/** Real titles in every script with a shipped face, and the face. */
const SCRIPT_TITLES: readonly [string, string, string][] = [
  ['Thai', 'น้ำตาแห่งความรัก', 'Sleeve Noto Thai'],
  ['Lao', 'ເພງຮັກຂອງຂ້ອຍ', 'Sleeve Noto Lao'],
  ['Khmer', 'ស្រលាញ់អូនជានិច្ច', 'Sleeve Noto Khmer'],
  ['Myanmar', 'မြန်မာ့ချစ်သီချင်း', 'Sleeve Noto Myanmar'],
  ['Hindi', 'क्षितिज के पार', 'Sleeve Noto'],
  ['Bengali', 'বৃষ্টির দিনে স্বপ্ন', 'Sleeve Noto Bengali'],
  ['Gurmukhi', 'ਪਿਆਰ ਦਾ ਗੀਤ', 'Sleeve Noto Gurmukhi'],
  ['Gujarati', 'પ્રેમની વાત', 'Sleeve Noto Gujarati'],
  ['Tamil', 'மழைக்கால இரவு', 'Sleeve Noto Tamil'],
  ['Telugu', 'ప్రేమ పాట', 'Sleeve Noto Telugu'],
  ['Kannada', 'ಪ್ರೀತಿಯ ಹಾಡು', 'Sleeve Noto Kannada'],
  ['Malayalam', 'മഴയുടെ സംഗീതം', 'Sleeve Noto Malayalam'],
  ['Sinhala', 'ශ්\u200dරී ලංකා මාතා', 'Sleeve Noto Sinhala'],
  ['Hebrew', 'שיר השירים', 'Sleeve Noto Hebrew'],
  ['Georgian', 'სიყვარულის სიმღერა', 'Sleeve Noto Georgian'],
  ['Armenian', 'Սիրո երգ', 'Sleeve Noto Armenian'],
  ['Amharic', 'ፍቅር እና ሰላም', 'Sleeve Noto Ethiopic'],
  ['Chinese', '我们的爱 夜空中最亮的星', 'Sleeve Noto SC'],
  ['Greek', 'Καλημέρα Μάιος', 'Sleeve Noto'],
  ['Symbols', 'Love ★ → ♪', 'Sleeve Symbols'],
];

const titled = (title: string, tags = 'pop'): CoverInput => ({
  title,
  artist: '',
  tags,
  lyrics: '',
  audio: null,
});

describe('every script with a shipped face renders real glyphs', () => {
  for (const [script, title, family] of SCRIPT_TITLES) {
    it(`${script}: "${title}" in every style, nothing left out`, () => {
      // Poster upper-cases non-serif genres: pop is one, folk is not.
      for (const tags of ['pop', 'folk']) {
        for (const style of STYLES) {
          const box = titleOf(titled(title, tags), style.id);
          const label = `${script} / ${style.id} / ${tags}`;
          assertRealGlyphs(box, label);
          assert.ok(
            box.fontStack.some((face) => face.startsWith(family)),
            `${label}: ${box.fontStack.join(', ')} has ${family}`,
          );
          const set = box.lines.join(' ').replace(/\s/g, '');
          const asked = title.replace(/\s/g, '');
          assert.ok(
            set === asked || set === asked.toLocaleUpperCase('el'),
            `${label}: ${box.lines.join(' | ')}`,
          );
        }
      }
    });
  }
});

/** How wide a text is set in a stack at 100 units. */
function widthOf(text: string, stack: string[]): number {
  const ctx = createCanvas(10, 10).getContext('2d');
  ctx.font = fontString(100, stack);
  return ctx.measureText(text).width;
}

describe('complex scripts are shaped', () => {
  // Each cluster set as one is narrower than its letters laid side by
  // side: a conjunct, a subscript consonant or a mark stacked on its
  // letter takes less room than the same letters unshaped (an isolated
  // mark is drawn on a dotted circle).
  const CLUSTERS: readonly [string, string, string[]][] = [
    ['Devanagari conjunct', 'क्ष', ['क', '्', 'ष']],
    ['Bengali conjunct', 'ষ্ট', ['ষ', '্', 'ট']],
    ['Gujarati reph', 'પ્રે', ['પ', '્', 'ર', 'ે']],
    ['Khmer subscript', 'ស្រ', ['ស', '្', 'រ']],
    ['Sinhala ligature', 'ශ්\u200dරී', ['ශ', '්', 'ර', 'ී']],
    ['Myanmar medial', 'မြ', ['မ', 'ြ']],
    ['Malayalam chillu', 'സംഗീ', ['സ', 'ം', 'ഗ', 'ീ']],
  ];
  for (const [name, cluster, letters] of CLUSTERS) {
    it(`${name}: ${cluster}`, () => {
      const box = titleOf(titled(cluster), 'poster', 128);
      const joined = widthOf(cluster, box.fontStack);
      const apart = letters.reduce(
        (sum, letter) => sum + widthOf(letter, box.fontStack),
        0,
      );
      assert.ok(
        joined < apart * 0.92,
        `joined ${joined.toFixed(1)} vs apart ${apart.toFixed(1)}`,
      );
    });
  }

  it('Thai: a tone mark stacks above the vowel above its letter', () => {
    const { fontStack } = titleOf(titled('น้ำตา'), 'poster', 128);
    const ctx = createCanvas(10, 10).getContext('2d');
    ctx.font = fontString(100, fontStack);
    const top = (text: string): number =>
      ctx.measureText(text).actualBoundingBoxAscent;
    // Unshaped, the tone mark would sit at its own height over the vowel.
    assert.ok(top('น้ำ') > top('น้') + 10, `${top('น้ำ')} vs ${top('น้')}`);
    assert.ok(top('ปี่') > top('ป่') + 10, `${top('ปี่')} vs ${top('ป่')}`);
  });

  it('Hebrew is set right to left, like Arabic', () => {
    const box = titleOf(titled('שיר השירים'), 'bauhaus', 128);
    assert.equal(box.direction, 'rtl');
  });
});

describe('a script no shipped face has', () => {
  it('leaves its letters out and sets the rest', () => {
    for (const style of STYLES) {
      const box = titleOf(titled('ᚠᚢᚦᚨᚱᚲ Saga'), style.id);
      assert.equal(box.lines.join(' ').toLowerCase(), 'saga', style.id);
    }
  });

  it('still makes a cover when nothing in the title can be drawn', () => {
    for (const style of STYLES) {
      const input = { ...titled('ᚠᚢᚦᚨᚱᚲ'), artist: 'Runa' };
      const { bytes, layout } = renderCoverWithLayout(input, {
        style: style.id,
        size: 128,
      });
      assert.equal(bytes.toString('latin1', 1, 4), 'PNG');
      const roles = layout.texts.map((t) => t.role);
      assert.ok(!roles.includes('title'), `${style.id}: no title of boxes`);
      assert.ok(roles.includes('artist'), `${style.id}: the artist is set`);
    }
  });
});

describe('Arabic', () => {
  it('is shaped (letters joined) and set right to left', () => {
    const input = sharedTracks().find((t) => t.title === 'قمر الصحراء');
    assert.ok(input);
    const { layout } = renderCoverWithLayout(input, {
      style: 'poster',
      size: 128,
    });
    const title = layout.texts.find((t) => t.role === 'title');
    assert.equal(title?.direction, 'rtl');
    const ctx = createCanvas(10, 10).getContext('2d');
    ctx.font = fontString(100, title?.fontStack ?? []);
    // Joined (initial/medial/final) forms are narrower than the isolated
    // letters laid side by side; an unshaped string would measure the same.
    const joined = ctx.measureText('قمر').width;
    const isolated = ['ق', 'م', 'ر'].reduce(
      (sum, letter) => sum + ctx.measureText(letter).width,
      0,
    );
    assert.ok(
      joined < isolated * 0.92,
      `joined ${joined.toFixed(1)} vs isolated ${isolated.toFixed(1)}`,
    );
  });
});
