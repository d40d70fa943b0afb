import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCanvas } from '@napi-rs/canvas';
import { renderContactSheet } from '../../src/engine/index.js';
import { decode, luminance, type Pixels } from './helpers/pixels.js';

const CELL = 180;
const LABEL_WIDTH = 260;
const LONG_TITLE =
  'The Night We Drove to the Edge of the Map and Waited for the Sun to Find Us';

/** A plain grey square standing in for a cover. */
function swatch(): Buffer {
  const canvas = createCanvas(32, 32);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#808080';
  ctx.fillRect(0, 0, 32, 32);
  return canvas.toBuffer('image/png');
}

async function sheetWithLabel(label: string): Promise<Pixels> {
  const bytes = renderContactSheet(
    [{ label, detail: 'indie folk', images: [swatch()] }],
    { cell: CELL, labelWidth: LABEL_WIDTH },
  );
  return decode(bytes);
}

/**
 * The heights in pixels of the runs of rows in the label column holding
 * label ink (the label is near white; the detail line under it is grey).
 */
function labelLines(sheet: Pixels): number[] {
  const lit = (y: number): boolean => {
    for (let x = 0; x < LABEL_WIDTH; x++) {
      const o = (y * sheet.width + x) * 4;
      const d = sheet.data;
      if (luminance(d[o] ?? 0, d[o + 1] ?? 0, d[o + 2] ?? 0) > 0.6) return true;
    }
    return false;
  };
  const runs: number[] = [];
  let run = 0;
  for (let y = 0; y < CELL; y++) {
    if (lit(y)) run++;
    else if (run > 0) {
      runs.push(run);
      run = 0;
    }
  }
  if (run > 0) runs.push(run);
  return runs;
}

describe('contact sheet labels', () => {
  it('sets a long title on a few lines at a size one can read', async () => {
    const lines = labelLines(await sheetWithLabel(LONG_TITLE));
    assert.ok(lines.length >= 2 && lines.length <= 3, `lines ${lines}`);
    // A 15 px face's capitals and descenders span about 14 px; the old
    // label, shrunk onto one line, was 6 px tall.
    for (const height of lines) assert.ok(height >= 12, `lines ${lines}`);
  });

  it('keeps a short title on one line at full size', async () => {
    const lines = labelLines(await sheetWithLabel('Nebula'));
    assert.equal(lines.length, 1);
    assert.ok((lines[0] ?? 0) >= 13, `line ${lines[0]}`);
  });

  it('never lets a label run into the covers', async () => {
    const sheet = await sheetWithLabel(`${LONG_TITLE} ${LONG_TITLE}`);
    assert.ok(labelLines(sheet).length <= 3);
    // The cover column starts at the label width; the gap before it is
    // the sheet's ground.
    for (let y = 0; y < CELL; y++) {
      const o = (y * sheet.width + LABEL_WIDTH - 4) * 4;
      const d = sheet.data;
      const l = luminance(d[o] ?? 0, d[o + 1] ?? 0, d[o + 2] ?? 0);
      assert.ok(l < 0.05, `ink at the label's edge, row ${y}`);
    }
  });
});
