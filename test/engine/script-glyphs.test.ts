import { createCanvas } from '@napi-rs/canvas';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderCoverWithLayout, STYLES } from '../../src/engine/index.js';
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

describe('every script of the shared titles renders real glyphs', () => {
  for (const input of sharedTracks()) {
    it(`${input.title}: no empty boxes in any style's title stack`, () => {
      for (const style of STYLES) {
        const { layout } = renderCoverWithLayout(input, {
          style: style.id,
          size: 64,
        });
        const title = layout.texts.find((t) => t.role === 'title');
        assert.ok(title, `${style.id} sets the title`);
        // A missing glyph draws the lead face's .notdef: a box in most
        // faces, nothing at all in some (Rye, Permanent Marker). Either way
        // a real glyph must have ink and must not be that .notdef.
        const tofu = glyphBitmap(UNMAPPED, title.fontStack);
        for (const grapheme of graphemes(title.lines.join(' '))) {
          const glyph = glyphBitmap(grapheme, title.fontStack);
          assert.ok(ink(glyph) > 0, `${style.id}: "${grapheme}" drew nothing`);
          assert.ok(
            !same(glyph, tofu),
            `${style.id}: "${grapheme}" drew the tofu box`,
          );
        }
      }
    });
  }
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
