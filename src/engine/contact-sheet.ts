import { createCanvas, Image, type SKRSContext2D } from '@napi-rs/canvas';
import { ensureFontsRegistered } from './fonts/register-fonts.js';
import { fontStack, fontString } from './typography/font-stack.js';
import { graphemes } from '../util/graphemes.js';

/** One row of a contact sheet: a label and the images to show beside it. */
export interface ContactSheetRow {
  label: string;
  /** A second, smaller line under the label (e.g. genre and tempo). */
  detail?: string;
  /** Encoded images (PNG, JPEG or WebP). */
  images: Buffer[];
}

export interface ContactSheetOptions {
  /** Edge of each image cell in pixels. Default 220. */
  cell?: number;
  /** Width of the label column in pixels. Default 260. */
  labelWidth?: number;
  /** Captions over the image columns (e.g. style names). */
  columnLabels?: string[];
}

const GAP = 12;
const HEADER = 44;
const LABEL_FACES = [{ family: 'Sleeve Inter', weight: 800 }];
const DETAIL_FACES = [{ family: 'Sleeve Inter', weight: 500 }];
/** Row labels: pixel sizes (largest and least) and most lines. */
const ROW_LABEL = { size: 19, min: 15, lines: 3 };

/** Lays out images in a labelled grid so a person can judge a range. */
export function renderContactSheet(
  rows: readonly ContactSheetRow[],
  options: ContactSheetOptions = {},
): Buffer {
  ensureFontsRegistered();
  const cell = options.cell ?? 220;
  const labelWidth = options.labelWidth ?? 260;
  const columns = Math.max(1, ...rows.map((row) => row.images.length));
  const header = options.columnLabels ? HEADER : 0;
  const width = labelWidth + columns * (cell + GAP) + GAP;
  const height = header + rows.length * (cell + GAP) + GAP;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#1b1b1f';
  ctx.fillRect(0, 0, width, height);

  options.columnLabels?.forEach((text, i) => {
    drawLabel(
      ctx,
      text,
      labelWidth + i * (cell + GAP),
      28,
      cell,
      16,
      LABEL_FACES,
      '#d8d8de',
    );
  });
  rows.forEach((row, r) => {
    const y = header + GAP + r * (cell + GAP);
    const below = drawRowLabel(ctx, row.label, GAP, y, labelWidth - 2 * GAP);
    if (row.detail)
      drawLabel(
        ctx,
        row.detail,
        GAP,
        below + 22,
        labelWidth - 2 * GAP,
        14,
        DETAIL_FACES,
        '#a8a8b4',
      );
    row.images.forEach((bytes, c) =>
      drawImage(ctx, bytes, labelWidth + c * (cell + GAP), y, cell),
    );
  });
  return canvas.encodeSync('png', { compressionLevel: 3, filters: 0x10 });
}

function drawImage(
  ctx: SKRSContext2D,
  bytes: Buffer,
  x: number,
  y: number,
  cell: number,
): void {
  const image = new Image();
  image.src = bytes;
  ctx.drawImage(image, x, y, cell, cell);
}

/**
 * A row's label at a size one can read: at its full size, wrapped onto
 * up to `lines` lines; a little smaller (never under `min`) only if that
 * is not enough, and then the last line cut with an ellipsis if even that
 * is not. Returns the baseline of its last line.
 */
function drawRowLabel(
  ctx: SKRSContext2D,
  text: string,
  x: number,
  top: number,
  width: number,
): number {
  const { size, lines } = fitRowLabel(ctx, text, width);
  ctx.fillStyle = '#f4f4f6';
  ctx.textAlign = 'left';
  const step = Math.round(size * 1.22);
  lines.forEach((line, i) => ctx.fillText(line, x, top + 26 + i * step));
  return top + 26 + (lines.length - 1) * step;
}

/** Sets the font of the label's size on `ctx` and returns its lines. */
function fitRowLabel(
  ctx: SKRSContext2D,
  text: string,
  width: number,
): { size: number; lines: string[] } {
  const stack = fontStack(LABEL_FACES, text);
  const { size: largest, min, lines: most } = ROW_LABEL;
  for (let size = largest; size > min; size--) {
    ctx.font = fontString(size, stack);
    const lines = wrapLine(ctx, text, width);
    if (lines.length <= most) return { size, lines };
  }
  ctx.font = fontString(min, stack);
  const lines = wrapLine(ctx, text, width);
  if (lines.length <= most) return { size: min, lines };
  const rest = lines.slice(most - 1).join(' ');
  const last = withEllipsis(ctx, rest, width);
  return { size: min, lines: [...lines.slice(0, most - 1), last] };
}

/**
 * Breaks text into lines no wider than `width` in the current font: at
 * spaces, and inside a word (between graphemes) only when the word alone
 * is too wide, as titles in scripts without spaces are.
 */
function wrapLine(ctx: SKRSContext2D, text: string, width: number): string[] {
  const fits = (line: string): boolean => ctx.measureText(line).width <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const piece of graphemes(word)) {
      if (line && !fits(line + piece)) {
        lines.push(line);
        line = '';
      }
      line += piece;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The text cut to `width` with an ellipsis. */
function withEllipsis(ctx: SKRSContext2D, text: string, width: number): string {
  const pieces = graphemes(text);
  while (pieces.length > 0) {
    const cut = `${pieces.join('').trimEnd()}…`;
    if (ctx.measureText(cut).width <= width) return cut;
    pieces.pop();
  }
  return '…';
}

/** One line of text, shrunk to fit its width. */
function drawLabel(
  ctx: SKRSContext2D,
  text: string,
  x: number,
  y: number,
  width: number,
  size: number,
  faces: { family: string; weight: number }[],
  color: string,
): void {
  const stack = fontStack(faces, text);
  ctx.font = fontString(size, stack);
  const fitted = Math.min(
    size,
    (size * width) / Math.max(1, ctx.measureText(text).width),
  );
  ctx.font = fontString(fitted, stack);
  ctx.fillStyle = color;
  ctx.textAlign = 'left';
  ctx.fillText(text, x, y);
}
