import { createCanvas, Image, type SKRSContext2D } from '@napi-rs/canvas';
import { ensureFontsRegistered } from './fonts/register-fonts.js';
import { fontStack, fontString } from './typography/font-stack.js';

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
    drawLabel(
      ctx,
      row.label,
      GAP,
      y + 26,
      labelWidth - 2 * GAP,
      19,
      LABEL_FACES,
      '#f4f4f6',
    );
    if (row.detail)
      drawLabel(
        ctx,
        row.detail,
        GAP,
        y + 52,
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
