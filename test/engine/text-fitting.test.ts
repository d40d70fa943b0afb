import { createCanvas } from '@napi-rs/canvas';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderCoverWithLayout } from '../../src/engine/index.js';
import { breakUnits } from '../../src/engine/typography/break-units.js';
import { fontString } from '../../src/engine/typography/font-stack.js';
import { trackTitled } from './helpers/tracks.js';

const LONG =
  'The Night We Drove to the Edge of the Map and Waited for the Sun to Find Us';

function lineWidths(lines: string[], stack: string[]): number[] {
  const ctx = createCanvas(10, 10).getContext('2d');
  ctx.font = fontString(100, stack);
  return lines.map((line) => ctx.measureText(line).width);
}

describe('title setting', () => {
  it('wraps the 75-character title into balanced lines, all words kept', () => {
    for (const style of ['bauhaus', 'poster', 'aura', 'topo', 'ink']) {
      const { layout } = renderCoverWithLayout(trackTitled(LONG), {
        style,
        size: 256,
      });
      const title = layout.texts.find((t) => t.role === 'title');
      assert.ok(title && title.lines.length >= 2, style);
      assert.equal(
        title.lines.join(' '),
        LONG,
        `${style} keeps every word in order`,
      );
      const widths = lineWidths(title.lines, title.fontStack);
      const ratio = Math.min(...widths) / Math.max(...widths);
      assert.ok(
        ratio > 0.55,
        `${style}: lines ${title.lines.join(' | ')} (ratio ${ratio.toFixed(2)})`,
      );
    }
  });

  it('never leaves an emoji alone on a line', () => {
    assert.deepEqual(breakUnits('Sunday Pancakes 🥞'), [
      'Sunday ',
      'Pancakes 🥞',
    ]);
    const { layout } = renderCoverWithLayout(
      trackTitled('Sunday Pancakes 🥞'),
      { style: 'bauhaus', size: 256 },
    );
    const lines = layout.texts.find((t) => t.role === 'title')?.lines ?? [];
    assert.ok(
      lines.every((line) => /\p{L}/u.test(line)),
      lines.join(' | '),
    );
  });

  it('breaks Japanese between words, not inside them', () => {
    assert.deepEqual(breakUnits('ネオンの雨'), ['ネオン', 'の', '雨']);
  });

  it('sets the artist when known and leaves it out when not', () => {
    const known = renderCoverWithLayout(trackTitled('Nebula'), {
      style: 'aura',
      size: 128,
    });
    assert.equal(
      known.layout.texts.find((t) => t.role === 'artist')?.text,
      'Max McCracken',
    );
    const unknown = renderCoverWithLayout(trackTitled('Paper Lanterns'), {
      style: 'aura',
      size: 128,
    });
    assert.equal(
      unknown.layout.texts.find((t) => t.role === 'artist'),
      undefined,
    );
  });
});
