import type { SKRSContext2D } from '@napi-rs/canvas';
import {
  chooseInk,
  solidFallback,
  worstContrast,
  type InkChoice,
} from './choose-ink.js';
import { drawPlate, plateRect } from './draw-plate.js';
import { fitText, type FittedText } from './fit-text.js';
import { fontString } from './font-stack.js';
import { sampleBackground } from './sample-background.js';
import type { Rect, TextBox, TextSpec } from './text-spec.js';

/** Always-available last resorts, after a style's own colours. */
const SAFE_INKS = ['#ffffff', '#111114'];
const SAFE_PLATES = ['#0c0c10', '#fafafa'];

interface Block {
  spec: TextSpec;
  fitted: FittedText;
  ink: InkChoice;
}

/**
 * Sets every text block of a cover over the finished art: fits each one,
 * reads the pixels behind it, picks a legible colour or lays a plate, then
 * checks every pixel again before drawing the glyphs. `drawGlyphs: false`
 * leaves the glyphs out (plates stay), which lets tests see the exact
 * background each block was judged against.
 */
export function setTexts(
  ctx: SKRSContext2D,
  pixels: number,
  specs: readonly TextSpec[],
  drawGlyphs: boolean,
): TextBox[] {
  const scale = pixels / 1000;
  const blocks = specs
    .filter((spec) => spec.text.trim() !== '')
    .flatMap((spec) => decideBlock(ctx, spec, scale) ?? []);
  const boxes = blocks.map((block) => verifyBlock(ctx, block, scale));
  if (drawGlyphs) blocks.forEach((block) => drawBlock(ctx, block));
  return boxes;
}

/** Null when nothing in the text can be drawn (no shipped face has it). */
function decideBlock(
  ctx: SKRSContext2D,
  spec: TextSpec,
  scale: number,
): Block | null {
  const fitted = fitText(ctx, spec);
  if (!fitted) return null;
  const colors = [...spec.colors, ...SAFE_INKS];
  const plates = [...spec.plate.colors, ...SAFE_PLATES];
  const region = toDevice(judgedArea(fitted), scale);
  const sample = sampleBackground(ctx, region, strideFor(region));
  const ink = chooseInk(colors, plates, sample);
  if (ink.plate) {
    const rect = plateRect(spec.plate, fitted.ink, fitted.size);
    drawPlate(ctx, spec.plate, rect, ink.plate.color, ink.plate.alpha, scale);
  }
  return { spec, fitted, ink };
}

/** Reads every pixel behind the block; a failure gets a solid plate. */
function verifyBlock(ctx: SKRSContext2D, block: Block, scale: number): TextBox {
  const region = toDevice(judgedArea(block.fitted), scale);
  let contrast = worstContrast(
    block.ink.color,
    sampleBackground(ctx, region, 1),
  );
  if (contrast < 4.5) {
    const colors = [...block.spec.colors, ...SAFE_INKS];
    block.ink = solidFallback(colors, [
      ...block.spec.plate.colors,
      ...SAFE_PLATES,
    ]);
    const plate = block.ink.plate ?? { color: '#000000', alpha: 1 };
    const rect = plateRect(
      { ...block.spec.plate, kind: 'box' },
      block.fitted.ink,
      block.fitted.size,
    );
    drawPlate(ctx, block.spec.plate, rect, plate.color, 1, scale);
    contrast = worstContrast(block.ink.color, sampleBackground(ctx, region, 1));
  }
  return toTextBox(block, scale, contrast);
}

/** The ink box with a little room for antialiased edges. */
function judgedArea(fitted: FittedText): Rect {
  const pad = fitted.size * 0.04;
  const { x, y, w, h } = fitted.ink;
  return { x: x - pad, y: y - pad, w: w + pad * 2, h: h + pad * 2 };
}

function toDevice(rect: Rect, scale: number): Rect {
  return {
    x: rect.x * scale,
    y: rect.y * scale,
    w: rect.w * scale,
    h: rect.h * scale,
  };
}

function strideFor(region: Rect): number {
  return Math.max(1, Math.floor(Math.sqrt((region.w * region.h) / 60_000)));
}

function drawBlock(ctx: SKRSContext2D, { fitted, ink }: Block): void {
  ctx.save();
  ctx.font = fontString(fitted.size, fitted.stack);
  ctx.letterSpacing = `${fitted.spacing}px`;
  ctx.direction = fitted.direction;
  ctx.textAlign = fitted.align;
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = ink.color;
  fitted.lines.forEach((line, i) => {
    ctx.fillText(line, fitted.anchorX, fitted.baselines[i] ?? 0);
  });
  ctx.restore();
}

function toTextBox(
  { spec, fitted, ink }: Block,
  scale: number,
  contrast: number,
): TextBox {
  const device = toDevice(fitted.ink, scale);
  return {
    role: spec.role,
    text: spec.text,
    lines: fitted.lines,
    x: Math.floor(device.x),
    y: Math.floor(device.y),
    w: Math.ceil(device.w),
    h: Math.ceil(device.h),
    fontSizePx: fitted.size * scale,
    fontStack: fitted.stack,
    color: ink.color,
    direction: fitted.direction,
    contrast,
    plate: ink.plate !== null,
  };
}
