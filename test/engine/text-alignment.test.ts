import { createCanvas } from '@napi-rs/canvas';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ensureFontsRegistered } from '../../src/engine/fonts/register-fonts.js';
import { renderCoverWithLayout, type TextBox } from '../../src/engine/index.js';
import { fitText } from '../../src/engine/typography/fit-text.js';
import { faceOf } from '../../src/engine/typography/genre-faces.js';
import type { TextSpec } from '../../src/engine/typography/text-spec.js';
import { trackTitled } from './helpers/tracks.js';

const BOX = { x: 100, y: 100, w: 800, h: 300 };

function fitted(text: string, align: TextSpec['align'], anchored = false) {
  ensureFontsRegistered();
  const spec: TextSpec = {
    role: 'title',
    text,
    box: BOX,
    align,
    valign: 'top',
    faces: [faceOf('Grotesk', 700), faceOf('Inter', 800)],
    maxSize: 60,
    minSize: 28,
    maxLines: 2,
    lineHeight: 1.05,
    colors: ['#000000'],
    plate: { kind: 'box', colors: ['#ffffff'] },
    anchored,
  };
  const fit = fitText(createCanvas(100, 100).getContext('2d'), spec);
  assert.ok(fit);
  return fit;
}

const right = (r: { x: number; w: number }): number => r.x + r.w;
/** Within the side bearing a glyph may leave at the flush edge. */
const near = (a: number, b: number, what: string, size = 60): void =>
  assert.ok(Math.abs(a - b) < 0.08 * size, `${what}: ${a.toFixed(1)} vs ${b}`);

describe('alignment follows the text direction', () => {
  it('sets right-to-left text of a left-aligned spec flush right', () => {
    for (const text of ['שיר השירים', 'قمر الصحراء']) {
      const fit = fitted(text, 'left');
      assert.equal(fit.direction, 'rtl');
      assert.equal(fit.align, 'right');
      near(right(fit.ink), right(BOX), `${text} ends on the box's right`);
      assert.ok(fit.ink.x > BOX.x + 100, `${text} starts well inside`);
    }
    const latin = fitted('Song of Songs', 'left');
    assert.equal(latin.align, 'left');
    near(latin.ink.x, BOX.x, 'Latin starts on the box left');
  });

  it('sets a right-aligned spec flush left for right-to-left text', () => {
    const fit = fitted('שיר השירים', 'right');
    assert.equal(fit.align, 'left');
    near(fit.ink.x, BOX.x, 'Hebrew starts on the box left');
  });

  it('keeps an anchored spec on its own side in any direction', () => {
    const fit = fitted('שיר השירים', 'right', true);
    assert.equal(fit.direction, 'rtl');
    assert.equal(fit.align, 'right');
    near(right(fit.ink), right(BOX), 'Hebrew ends on the box right');
  });

  it('sets right-to-left labels of the right-hand columns flush right', () => {
    // Bauhaus and poster hang their labels from x = 940 of 1000.
    const size = 500;
    const track = {
      title: 'Paper Lanterns',
      artist: '',
      tags: 'שירי ערש, אקוסטי',
      lyrics: '',
      audio: null,
    };
    for (const style of ['bauhaus', 'poster']) {
      const labels = renderCoverWithLayout(track, {
        style,
        size,
      }).layout.texts.filter((t) => t.role === 'label' && t.text !== '');
      const rtl = labels.filter((t) => t.direction === 'rtl');
      assert.ok(rtl.length > 0, `${style} sets the Hebrew style words`);
      for (const label of rtl) {
        // Two pixels either way: a small size rounds.
        near(right(label), 0.94 * size, `${style} label ends`, 25);
      }
    }
  });

  it('keeps centred text centred', () => {
    for (const text of ['שיר השירים', 'Song of Songs']) {
      const fit = fitted(text, 'center');
      assert.equal(fit.align, 'center');
      const middle = fit.ink.x + fit.ink.w / 2;
      near(middle, BOX.x + BOX.w / 2, `${text} is centred`);
    }
  });

  it('sets Arabic and Hebrew titles flush right where Latin sits flush left', () => {
    // Bauhaus and poster set titles flush left in a box from 60 to 940.
    const size = 500;
    const edge = (box: TextBox | undefined, side: 'left' | 'right') => {
      assert.ok(box);
      return side === 'left' ? box.x : box.x + box.w;
    };
    for (const style of ['bauhaus', 'poster']) {
      const title = (input: Parameters<typeof renderCoverWithLayout>[0]) =>
        renderCoverWithLayout(input, { style, size }).layout.texts.find(
          (t) => t.role === 'title',
        );
      const latin = title(trackTitled('Paper Lanterns'));
      const arabic = title(trackTitled('قمر الصحراء'));
      const hebrew = title({
        title: 'שיר השירים',
        artist: '',
        tags: 'pop',
        lyrics: '',
        audio: null,
      });
      const px = (box: TextBox | undefined) => box?.fontSizePx ?? 0;
      near(edge(latin, 'left'), 0.06 * size, style, px(latin));
      for (const rtl of [arabic, hebrew]) {
        assert.equal(rtl?.direction, 'rtl');
        near(edge(rtl, 'right'), 0.94 * size, `${style} ends`, px(rtl));
        assert.ok(edge(rtl, 'left') > 0.2 * size, `${style} starts inside`);
      }
    }
  });
});
