import type { SKRSContext2D } from '@napi-rs/canvas';
import { withAlpha } from '../color/color.js';
import type { Random } from '../random.js';
import { sampleAt } from '../reading/resample.js';
import { fillPolygon } from './shapes.js';

/** What a composition of strokes is drawn from. */
export interface StrokeDrivers {
  bpm: number;
  /** 0 calm – 1 loud. */
  energy: number;
  /** The energy over the song, time running left to right. */
  contour: readonly number[];
}

/**
 * Three ways to lay brush strokes, all above the title's place (y < 670):
 * a stack of slanted bars, a row of falling columns, or a few long sweeps
 * crossing the paper.
 */
export type StrokeLayout = 'stack' | 'columns' | 'sweeps';
export const STROKE_LAYOUTS: readonly StrokeLayout[] = [
  'stack',
  'columns',
  'sweeps',
];

export interface BrushStroke {
  /** Where the brush lands. */
  x: number;
  y: number;
  /** Direction of travel in radians, 0 to the right, clockwise. */
  angle: number;
  length: number;
  weight: number;
  /** How hard the brush presses at a point across the cover (x, 0–1000). */
  pressure: (x: number) => number;
}

/** Pressure from the contour: the ink gathers at the loudest moment. */
const pressureOf =
  (contour: readonly number[]) =>
  (x: number): number =>
    0.35 + 0.85 * sampleAt(contour, x / 1000);

export function paintStrokeLayout(
  ctx: SKRSContext2D,
  layout: StrokeLayout,
  drivers: StrokeDrivers,
  colours: { ink: string; paper: string },
  rng: Random,
): void {
  const strokes =
    layout === 'stack'
      ? stackStrokes(drivers, rng)
      : layout === 'columns'
        ? columnStrokes(drivers, rng)
        : sweepStrokes(drivers, rng);
  for (const stroke of strokes)
    drawBrushStroke(ctx, stroke, colours.ink, colours.paper, rng);
}

/**
 * Bars across the paper, one per 24 beats a minute (three to eight), all
 * on one slant the track chooses, landing at staggered points and
 * running out at different lengths, as a calligrapher's practice sheet.
 */
function stackStrokes(drivers: StrokeDrivers, rng: Random): BrushStroke[] {
  const count = Math.min(8, Math.max(3, Math.round(drivers.bpm / 24)));
  const slant = rng.range(-0.13, 0.13);
  const band = 500 / count;
  const heft = rng.range(0.42, 0.7) * (0.85 + 0.3 * drivers.energy);
  const indent = rng.chance(0.5) ? 60 : 180;
  return Array.from({ length: count }, (_, i) => {
    const x = 80 + rng.range(0, indent);
    const length = Math.max(260, 840 - x - rng.range(0, 260));
    const mid = 120 + i * band + band * 0.5;
    return {
      x,
      y: mid - Math.sin(slant) * (length / 2),
      angle: slant,
      length,
      weight: band * heft * rng.range(0.85, 1.1),
      pressure: pressureOf(drivers.contour),
    };
  });
}

/**
 * Columns falling from the top edge, one per 15 beats a minute (four to
 * twelve), each as long as the song is loud at its moment: the song's
 * shape written as a row of brush marks.
 */
function columnStrokes(drivers: StrokeDrivers, rng: Random): BrushStroke[] {
  const count = Math.min(12, Math.max(4, Math.round(drivers.bpm / 15)));
  const step = 760 / count;
  const heft = rng.range(0.42, 0.6) * (0.85 + 0.3 * drivers.energy);
  const top = rng.range(70, 120);
  return Array.from({ length: count }, (_, i) => {
    const x = 120 + step * (i + 0.5) + rng.range(-0.1, 0.1) * step;
    const level = sampleAt(drivers.contour, x / 1000);
    return {
      x,
      y: top + rng.range(0, 40),
      angle: Math.PI / 2 + rng.range(-0.07, 0.07),
      length: 170 + (540 - top) * level * rng.range(0.85, 1),
      weight: step * heft,
      pressure: pressureOf(drivers.contour),
    };
  });
}

/**
 * A few long strokes swept across the paper, one per 45 beats a minute
 * (two to four), fanning out from one side as a hand sweeping again and
 * again: broad and heavy, each a little steeper than the last.
 */
function sweepStrokes(drivers: StrokeDrivers, rng: Random): BrushStroke[] {
  const count = Math.min(4, Math.max(2, Math.round(drivers.bpm / 45)));
  const rise = rng.chance(0.5) ? -1 : 1;
  const first = rng.range(0.05, 0.2);
  const fan = rng.range(0.1, 0.18);
  const band = 320 / count;
  return Array.from({ length: count }, (_, i) => {
    const angle = rise * (first + fan * i);
    const length = rng.range(620, 800);
    const cx = 500 + rng.range(-50, 50);
    const cy = 200 + band * (i + 0.5) + rng.range(-15, 15);
    return {
      x: cx - Math.cos(angle) * (length / 2),
      y: cy - Math.sin(angle) * (length / 2),
      angle,
      length,
      weight: rng.range(55, 85) * (0.85 + 0.3 * drivers.energy),
      pressure: pressureOf(drivers.contour),
    };
  });
}

/**
 * One loaded stroke: blunt where the brush lands, swelling and thinning
 * with the pressure, bending a little, thinning to a dry tail where paper
 * shows through the bristles.
 */
export function drawBrushStroke(
  ctx: SKRSContext2D,
  stroke: BrushStroke,
  ink: string,
  paper: string,
  rng: Random,
): void {
  const { x, y, angle, length, weight } = stroke;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const bend = rng.range(-0.05, 0.05) * length;
  const phase = rng.range(0, 6);
  const point = (t: number, across: number): [number, number] => {
    const off = across + bend * 4 * t * (1 - t) + Math.sin(t * 3 + phase) * 4;
    const along = length * t;
    return [x + cos * along - sin * off, y + sin * along + cos * off];
  };

  const top: [number, number][] = [];
  const bottom: [number, number][] = [];
  for (let i = 0; i <= 48; i++) {
    const t = i / 48;
    const load = t < 0.06 ? 0.75 + t * 4 : 1 - Math.max(0, t - 0.7) * 1.2;
    const press = stroke.pressure(x + cos * length * t);
    const w = weight * load * press * rng.range(0.95, 1.04);
    top.push(point(t, -w / 2));
    bottom.push(point(t, w / 2 + rng.range(-1.5, 1.5)));
  }
  fillPolygon(ctx, [...top, ...bottom.reverse()], withAlpha(ink, 0.92));

  ctx.save();
  ctx.strokeStyle = paper;
  ctx.lineCap = 'round';
  for (let k = 0; k < 4; k++) {
    const offset = rng.range(-0.25, 0.25) * weight;
    const start = rng.range(0.6, 0.85);
    ctx.lineWidth = rng.range(1.2, 3.2);
    ctx.beginPath();
    ctx.moveTo(...point(start, offset));
    ctx.lineTo(...point(1.01, offset * 0.6));
    ctx.stroke();
  }
  ctx.restore();
}
