import type { SKRSContext2D } from '@napi-rs/canvas';
import { allowsTracking, hasCase, textDirection } from '../reading/scripts.js';
import { balanceLines } from './balance-lines.js';
import { breakUnits } from './break-units.js';
import { fontStack, fontString } from './font-stack.js';
import type { Rect, TextSpec } from './text-spec.js';

/** A text block fitted to its box, ready to draw. */
export interface FittedText {
  lines: string[];
  size: number;
  stack: string[];
  direction: 'ltr' | 'rtl';
  /** Letter spacing in cover units. */
  spacing: number;
  /** Baseline of each line and the x of the alignment point. */
  baselines: number[];
  anchorX: number;
  /** Ink bounds in cover units. */
  ink: Rect;
}

const REFERENCE_SIZE = 100;

/** Applies the spec's case and tracking rules to a text. */
export function prepareText(spec: TextSpec): {
  text: string;
  tracking: number;
} {
  const text =
    spec.uppercase && hasCase(spec.text)
      ? spec.text.toLocaleUpperCase()
      : spec.text;
  return { text, tracking: allowsTracking(text) ? (spec.tracking ?? 0) : 0 };
}

/**
 * Fits a text to its box: tries every line count up to the limit, balances
 * the lines for each, takes the size that fills the width, and keeps the
 * count that gives the largest type (less a small cost per extra line). The
 * ink is then measured and the size reduced until it fits the box's height
 * too, so nothing is ever clipped.
 */
export function fitText(ctx: SKRSContext2D, spec: TextSpec): FittedText {
  const { text, tracking } = prepareText(spec);
  const stack = fontStack(spec.faces, text);
  const direction = textDirection(text);
  ctx.direction = direction;
  const measure = measurer(ctx, stack, tracking);
  const units = breakUnits(text);

  let best: { lines: string[]; size: number; score: number } | null = null;
  for (
    let n = 1;
    n <= Math.min(spec.maxLines, Math.max(1, units.length));
    n++
  ) {
    const lines = balanceLines(units, n, measure);
    const widest = Math.max(...lines.map(measure), 1);
    const byWidth = (spec.box.w * REFERENCE_SIZE) / widest;
    const byHeight = spec.box.h / (n * spec.lineHeight);
    const size = Math.min(spec.maxSize, byWidth, byHeight);
    const score = size * (1 - (spec.linePenalty ?? 0.08) * (n - 1));
    if (!best || score > best.score) best = { lines, size, score };
  }
  if (!best) throw new Error('nothing to fit');
  return settleInk(
    ctx,
    spec,
    best.lines,
    best.size,
    stack,
    direction,
    tracking,
  );
}

function measurer(
  ctx: SKRSContext2D,
  stack: string[],
  tracking: number,
): (line: string) => number {
  const cache = new Map<string, number>();
  ctx.font = fontString(REFERENCE_SIZE, stack);
  ctx.letterSpacing = `${tracking * REFERENCE_SIZE}px`;
  return (line) => {
    const cached = cache.get(line);
    if (cached !== undefined) return cached;
    const m = ctx.measureText(line);
    const width = Math.max(
      m.width,
      m.actualBoundingBoxLeft + m.actualBoundingBoxRight,
    );
    cache.set(line, width);
    return width;
  };
}

/** Shrinks the size until the measured ink sits inside the box. */
function settleInk(
  ctx: SKRSContext2D,
  spec: TextSpec,
  lines: string[],
  startSize: number,
  stack: string[],
  direction: 'ltr' | 'rtl',
  tracking: number,
): FittedText {
  let size = startSize;
  let placed = place(ctx, spec, lines, size, stack, tracking);
  for (let i = 0; i < 8 && !inside(placed.ink, spec.box); i++) {
    const scale = Math.min(
      spec.box.w / placed.ink.w,
      spec.box.h / placed.ink.h,
      0.97,
    );
    size *= Math.max(0.5, scale);
    placed = place(ctx, spec, lines, size, stack, tracking);
  }
  return { lines, size, stack, direction, spacing: tracking * size, ...placed };
}

function inside(ink: Rect, box: Rect): boolean {
  const slack = 0.5;
  return (
    ink.x >= box.x - slack &&
    ink.y >= box.y - slack &&
    ink.x + ink.w <= box.x + box.w + slack &&
    ink.y + ink.h <= box.y + box.h + slack
  );
}

/** Positions the lines in the box and measures their joint ink. */
function place(
  ctx: SKRSContext2D,
  spec: TextSpec,
  lines: string[],
  size: number,
  stack: string[],
  tracking: number,
): { baselines: number[]; anchorX: number; ink: Rect } {
  ctx.font = fontString(size, stack);
  ctx.letterSpacing = `${tracking * size}px`;
  ctx.textAlign = spec.align;
  const metrics = lines.map((line) => ctx.measureText(line));
  const offsets = baselineOffsets(metrics, size * spec.lineHeight, size);
  const ascent = metrics[0]?.actualBoundingBoxAscent ?? 0;
  const descent = metrics[metrics.length - 1]?.actualBoundingBoxDescent ?? 0;
  const blockHeight = ascent + (offsets[offsets.length - 1] ?? 0) + descent;
  const top = verticalStart(spec, blockHeight);
  const anchorX = anchorFor(spec) + overhangShift(spec, metrics);
  const baselines = offsets.map((offset) => top + ascent + offset);
  return { baselines, anchorX, ink: inkBounds(metrics, baselines, anchorX) };
}

/**
 * Each baseline's distance below the first: the spec's line advance, or
 * more where a line's accents (a Й's breve, an Å's ring) would touch the
 * line above, so tight display leading never makes glyphs collide.
 */
function baselineOffsets(
  metrics: {
    actualBoundingBoxAscent: number;
    actualBoundingBoxDescent: number;
  }[],
  advance: number,
  size: number,
): number[] {
  const clearance = size * 0.1;
  const offsets = [0];
  for (let i = 1; i < metrics.length; i++) {
    const above = metrics[i - 1]?.actualBoundingBoxDescent ?? 0;
    const below = metrics[i]?.actualBoundingBoxAscent ?? 0;
    const gap = Math.max(advance, above + below + clearance);
    offsets.push((offsets[i - 1] ?? 0) + gap);
  }
  return offsets;
}

/**
 * Swashes and italic hooks (a Playfair "J", a Rye serif) reach past the
 * alignment point; the flush side is moved in by that much so the ink, not
 * the advance, sits on the box edge.
 */
function overhangShift(
  spec: TextSpec,
  metrics: { actualBoundingBoxLeft: number; actualBoundingBoxRight: number }[],
): number {
  if (spec.align === 'left') {
    return Math.max(0, ...metrics.map((m) => m.actualBoundingBoxLeft));
  }
  if (spec.align === 'right') {
    return -Math.max(0, ...metrics.map((m) => m.actualBoundingBoxRight));
  }
  return 0;
}

function verticalStart(spec: TextSpec, blockHeight: number): number {
  const { y, h } = spec.box;
  if (spec.valign === 'top') return y;
  if (spec.valign === 'bottom') return y + h - blockHeight;
  return y + (h - blockHeight) / 2;
}

function anchorFor(spec: TextSpec): number {
  const { x, w } = spec.box;
  if (spec.align === 'left') return x;
  if (spec.align === 'right') return x + w;
  return x + w / 2;
}

function inkBounds(
  metrics: {
    actualBoundingBoxLeft: number;
    actualBoundingBoxRight: number;
    actualBoundingBoxAscent: number;
    actualBoundingBoxDescent: number;
  }[],
  baselines: number[],
  anchorX: number,
): Rect {
  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  metrics.forEach((m, i) => {
    const base = baselines[i] ?? 0;
    left = Math.min(left, anchorX - m.actualBoundingBoxLeft);
    right = Math.max(right, anchorX + m.actualBoundingBoxRight);
    top = Math.min(top, base - m.actualBoundingBoxAscent);
    bottom = Math.max(bottom, base + m.actualBoundingBoxDescent);
  });
  return {
    x: left,
    y: top,
    w: Math.max(1, right - left),
    h: Math.max(1, bottom - top),
  };
}
