import type { SKRSContext2D } from '@napi-rs/canvas';
import {
  allowsTracking,
  hasCase,
  textDirection,
  upperCase,
} from '../reading/scripts.js';
import { balanceLines, lineOf } from './balance-lines.js';
import {
  HYPHEN_POINT,
  breakUnits,
  splitAtSeparators,
  splitGraphemes,
} from './break-units.js';
import { splitSyllables } from './syllables.js';
import { drawableText, fontStack, fontString } from './font-stack.js';
import type { Rect, TextSpec } from './text-spec.js';

type Align = TextSpec['align'];

/** A text block fitted to its box, ready to draw. */
export interface FittedText {
  lines: string[];
  size: number;
  stack: string[];
  direction: 'ltr' | 'rtl';
  /** The physical side the lines hug: the spec's, mirrored for RTL. */
  align: Align;
  /** Letter spacing in cover units. */
  spacing: number;
  /** Baseline of each line and the x of the alignment point. */
  baselines: number[];
  anchorX: number;
  /** Ink bounds in cover units. */
  ink: Rect;
}

const REFERENCE_SIZE = 100;
/**
 * A word is broken inside only when it cannot be set this large: about
 * 55 px on a 1024 cover (where a 40-letter compound on one line would be
 * a thin strip), or this share of a smaller block's largest size, so
 * "Extraordinary" stays whole even in a narrow legend.
 */
const WORD_BREAK_SIZE = 56;
const WORD_BREAK_SHARE = 0.6;
/** Up to this many units a line's width is measured as set, not summed. */
const EXACT_UNITS = 20;

/**
 * Applies the spec's case rules to a text and leaves out what no shipped
 * face can draw; tracking only where the script takes it.
 */
export function prepareText(spec: TextSpec): {
  text: string;
  tracking: number;
} {
  const cased =
    spec.uppercase && hasCase(spec.text) ? upperCase(spec.text) : spec.text;
  const text = drawableText(cased);
  return { text, tracking: allowsTracking(text) ? (spec.tracking ?? 0) : 0 };
}

/**
 * Left and right mean where lines start and end: a left-aligned spec sets
 * Arabic or Hebrew flush right, as a reader of those scripts expects.
 */
export function physicalAlign(align: Align, direction: 'ltr' | 'rtl'): Align {
  if (direction === 'ltr' || align === 'center') return align;
  return align === 'left' ? 'right' : 'left';
}

/**
 * Fits a text to its box: tries every line count up to the limit, balances
 * the lines for each, takes the size that fills the width, and keeps the
 * count that gives the largest type (less a small cost per extra line). A
 * word too long to be set at a readable size is broken inside. The ink is
 * then measured and the size reduced until it fits the box's height too,
 * so nothing is ever clipped. Null when nothing in the text can be drawn.
 */
export function fitText(ctx: SKRSContext2D, spec: TextSpec): FittedText | null {
  const { text, tracking } = prepareText(spec);
  if (text.trim() === '') return null;
  const stack = fontStack(spec.faces, text);
  const direction = textDirection(text);
  ctx.direction = direction;
  const measure = measurer(ctx, stack, tracking);
  const best = bestSetting(spec, breakUnits(text), measure);
  return settleInk(ctx, spec, best.lines, best.size, {
    stack,
    direction,
    align: spec.anchored ? spec.align : physicalAlign(spec.align, direction),
    tracking,
  });
}

interface Setting {
  lines: string[];
  size: number;
  score: number;
}

type Measure = (line: string) => number;

/**
 * The best setting between words; failing a readable size, the best with
 * the too-long words cut at their separators, then at their syllables,
 * then between graphemes; and
 * if the type is still under the spec's smallest size, with as many more
 * lines as the box holds at that size.
 */
function bestSetting(
  spec: TextSpec,
  words: string[],
  measure: Measure,
): Setting {
  let best = setLines(spec, words, measure, spec.maxLines);
  const readable = Math.max(
    spec.minSize,
    Math.min(WORD_BREAK_SIZE, spec.maxSize * WORD_BREAK_SHARE),
  );
  if (best.size >= readable || spec.maxLines < 2) return best;
  const tooWide = (unit: string): boolean =>
    (measure(lineOf([unit], 0, 1)) * readable) / REFERENCE_SIZE > spec.box.w;
  let units = words;
  for (const split of [splitAtSeparators, splitSyllables, splitGraphemes]) {
    const finer = units.flatMap((unit) => (tooWide(unit) ? split(unit) : unit));
    if (finer.length === units.length) continue;
    units = finer;
    const setting = setLines(spec, units, measure, spec.maxLines);
    if (setting.score > best.score) best = setting;
    if (best.size >= readable) return best;
  }
  if (units === words || best.size >= spec.minSize) return best;
  const room = Math.floor(spec.box.h / (spec.minSize * spec.lineHeight));
  if (room <= spec.maxLines) return best;
  const taller = setLines(spec, units, measure, room);
  return taller.size > best.size ? taller : best;
}

function setLines(
  spec: TextSpec,
  units: readonly string[],
  measure: Measure,
  maxLines: number,
): Setting {
  const width = lineWidth(units, measure);
  let best: Setting | null = null;
  const most = Math.min(maxLines, Math.max(1, units.length));
  for (let n = 1; n <= most; n++) {
    const lines = balanceLines(units, n, width);
    const widest = Math.max(...lines.map(measure), 1);
    const byWidth = (spec.box.w * REFERENCE_SIZE) / widest;
    const byHeight = spec.box.h / (n * spec.lineHeight);
    const size = Math.min(spec.maxSize, byWidth, byHeight);
    const score = size * (1 - (spec.linePenalty ?? 0.08) * (n - 1));
    if (!best || score > best.score) best = { lines, size, score };
  }
  if (!best) throw new Error('nothing to fit');
  return best;
}

/**
 * The width of the line made of units [from, to). Lines of a few words are
 * measured as set; past that (a long word cut into graphemes, a long Thai
 * or Chinese title) each unit is measured once and the widths summed,
 * which keeps the search linear in measurements. The chosen lines are
 * measured as set either way.
 */
function lineWidth(
  units: readonly string[],
  measure: Measure,
): (from: number, to: number) => number {
  if (units.length <= EXACT_UNITS) {
    return (from, to) => measure(lineOf(units, from, to));
  }
  const ending = units.map((_, i) => measure(lineOf(units, i, i + 1)));
  const starts = [0];
  for (const unit of units) {
    const advance = measure(unit.replaceAll(HYPHEN_POINT, ''));
    starts.push((starts[starts.length - 1] ?? 0) + advance);
  }
  return (from, to) =>
    (starts[to - 1] ?? 0) - (starts[from] ?? 0) + (ending[to - 1] ?? 0);
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

interface Face {
  stack: string[];
  direction: 'ltr' | 'rtl';
  align: Align;
  tracking: number;
}

/** Shrinks the size until the measured ink sits inside the box. */
function settleInk(
  ctx: SKRSContext2D,
  spec: TextSpec,
  lines: string[],
  startSize: number,
  face: Face,
): FittedText {
  let size = startSize;
  let placed = place(ctx, spec, lines, size, face);
  for (let i = 0; i < 8 && !inside(placed.ink, spec.box); i++) {
    const scale = Math.min(
      spec.box.w / placed.ink.w,
      spec.box.h / placed.ink.h,
      0.97,
    );
    size *= Math.max(0.5, scale);
    placed = place(ctx, spec, lines, size, face);
  }
  const { stack, direction, align, tracking } = face;
  return {
    lines,
    size,
    stack,
    direction,
    align,
    spacing: tracking * size,
    ...placed,
  };
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
  { stack, align, tracking }: Face,
): { baselines: number[]; anchorX: number; ink: Rect } {
  ctx.font = fontString(size, stack);
  ctx.letterSpacing = `${tracking * size}px`;
  ctx.textAlign = align;
  const metrics = lines.map((line) => ctx.measureText(line));
  const offsets = baselineOffsets(metrics, size * spec.lineHeight, size);
  const ascent = metrics[0]?.actualBoundingBoxAscent ?? 0;
  const descent = metrics[metrics.length - 1]?.actualBoundingBoxDescent ?? 0;
  const blockHeight = ascent + (offsets[offsets.length - 1] ?? 0) + descent;
  const top = verticalStart(spec, blockHeight);
  const anchorX = anchorFor(spec.box, align) + overhangShift(align, metrics);
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
  align: Align,
  metrics: { actualBoundingBoxLeft: number; actualBoundingBoxRight: number }[],
): number {
  if (align === 'left') {
    return Math.max(0, ...metrics.map((m) => m.actualBoundingBoxLeft));
  }
  if (align === 'right') {
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

function anchorFor({ x, w }: Rect, align: Align): number {
  if (align === 'left') return x;
  if (align === 'right') return x + w;
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
