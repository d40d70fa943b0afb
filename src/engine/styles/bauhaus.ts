import type { SKRSContext2D } from '@napi-rs/canvas';
import { harmonyOffsets, lean, tone, type Palette } from '../color/palette.js';
import {
  fillCircle,
  fillGround,
  fillRect,
  strokeLine,
} from '../draw/shapes.js';
import { drawMotifGlyph } from '../draw/motif-glyphs.js';
import type { Random } from '../random.js';
import { leadMotif } from '../reading/lead-motif.js';
import type { Motif } from '../reading/motifs.js';
import { sampleAt } from '../reading/resample.js';
import { faceOf, monoFaces } from '../typography/genre-faces.js';
import type { TextSpec } from '../typography/text-spec.js';
import type { CoverStyle, Scene } from './style.js';
import { textSpec } from './text-specs.js';
import { factsCaption } from '../reading/track-facts.js';

interface Cell {
  x: number;
  y: number;
  s: number;
  /** Energy of the song at this column, 0–1. */
  level: number;
}

type CellPainter = (
  ctx: SKRSContext2D,
  cell: Cell,
  colors: string[],
  rng: Random,
) => void;

const FIT: Record<string, number> = {
  electronic: 0.75,
  pop: 0.66,
  jazz: 0.6,
  kids: 0.62,
  latin: 0.52,
  synthwave: 0.5,
  world: 0.5,
  punk: 0.6,
  industrial: 0.42,
  unknown: 0.8,
};

/**
 * A Bauhaus grid: the tempo sets how many cells there are, the energy
 * contour read across the columns decides which cells carry heavy shapes
 * and which stay light, and one large disc marks the loudest moment. Type
 * is a geometric grotesque, flush left under a heavy rule.
 */
export const bauhausStyle: CoverStyle = {
  info: {
    id: 'bauhaus',
    name: 'Bauhaus grid',
    description:
      'Primary shapes on a tempo-sized grid, weighted by the energy contour; geometric sans set flush left.',
  },
  kind: 'geometric',
  suitability: (reading) => FIT[reading.genre] ?? 0.3,
  paint(scene) {
    const { ctx, reading, palette, rng } = scene;
    const ground = palette.paper;
    const ink = palette.ink;
    const colors = bauhausColors(palette, ink);
    fillGround(ctx, ground);

    const textOnTop = scene.variation % 2 === 1;
    const artTop = textOnTop ? 340 : 60;
    const grid = layoutGrid(reading.features.bpm, artTop);
    const cells = gridCells(grid, reading.features.contour);
    const cellRng = rng.fork('cells');
    cells.forEach((cell) => paintCell(ctx, cell, colors, cellRng));
    paintEmblem(ctx, cells, grid, colors, leadMotif(reading));

    const ruleY = textOnTop ? 320 : artTop + grid.rows * grid.cell + 20;
    strokeLine(ctx, 60, ruleY, 940, ruleY, ink, 10);
    return bauhausText(scene, ruleY, textOnTop, ground, ink);
  },
};

interface BauhausColors {
  /** Full-strength printing colours and the ink, for loud cells. */
  loud: string[];
  /** Pale tints near the paper, for quiet cells. */
  quiet: string[];
  /** The emblem's block and its figure. */
  block: string;
  figure: string;
}

/**
 * Three printing colours and the ink: a deep base, a light near neighbour
 * and a partner across the wheel (near for calm tracks, opposite for loud
 * ones), all as far from the paper as the energy's contrast allows.
 */
function bauhausColors(palette: Palette, ink: string): BauhausColors {
  const [partner] = harmonyOffsets(palette);
  const base = tone(palette, 1, 0, 1.3);
  const light = tone(palette, 0.45, lean(palette, 42), 1.1);
  const far = tone(palette, 0.85, partner, 1);
  return {
    loud: [base, light, far, ink],
    quiet: [tone(palette, 0.3, 0, 0.8), tone(palette, 0.3, partner, 0.8)],
    block: far,
    figure: light,
  };
}

/** 60 bpm gives a calm 3-column grid, 180 bpm a busy 8-column one. */
interface Grid {
  cols: number;
  rows: number;
  cell: number;
  top: number;
}

function layoutGrid(bpm: number, top: number): Grid {
  const cols = Math.round(
    3 + ((Math.min(180, Math.max(60, bpm)) - 60) / 120) * 5,
  );
  const cell = 880 / cols;
  const rows = Math.max(2, Math.floor(600 / cell));
  return { cols, rows, cell, top };
}

function gridCells(
  grid: { cols: number; rows: number; cell: number; top: number },
  contour: number[],
): Cell[] {
  const cells: Cell[] = [];
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      const level = sampleAt(contour, (col + 0.5) / grid.cols);
      cells.push({
        x: 60 + col * grid.cell,
        y: grid.top + row * grid.cell,
        s: grid.cell,
        level,
      });
    }
  }
  return cells;
}

const QUARTER: CellPainter = (ctx, { x, y, s }, colors, rng) => {
  const corner = rng.int(0, 3);
  const cx = corner % 2 === 0 ? x : x + s;
  const cy = corner < 2 ? y : y + s;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, s, s);
  ctx.clip();
  fillCircle(ctx, cx, cy, s, rng.pick(colors));
  ctx.restore();
};

const HALF: CellPainter = (ctx, { x, y, s }, colors, rng) => {
  const vertical = rng.chance(0.5);
  const flip = rng.chance(0.5);
  ctx.fillStyle = rng.pick(colors);
  ctx.beginPath();
  if (vertical)
    ctx.arc(
      x + s / 2,
      flip ? y : y + s,
      s / 2,
      flip ? 0 : Math.PI,
      flip ? Math.PI : Math.PI * 2,
    );
  else
    ctx.arc(
      flip ? x : x + s,
      y + s / 2,
      s / 2,
      flip ? -Math.PI / 2 : Math.PI / 2,
      flip ? Math.PI / 2 : Math.PI * 1.5,
    );
  ctx.fill();
};

const DISC: CellPainter = (ctx, { x, y, s }, colors, rng) => {
  fillCircle(ctx, x + s / 2, y + s / 2, s * 0.46, rng.pick(colors));
};

const BLOCK: CellPainter = (ctx, { x, y, s }, colors, rng) => {
  fillRect(ctx, x, y, s, s, rng.pick(colors));
  if (rng.chance(0.5))
    fillCircle(ctx, x + s / 2, y + s / 2, s * 0.22, rng.pick(colors));
};

const TRIANGLE: CellPainter = (ctx, { x, y, s }, colors, rng) => {
  ctx.fillStyle = rng.pick(colors);
  ctx.beginPath();
  const corner = rng.int(0, 3);
  const pts: [number, number][] = [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
  ];
  pts.splice(corner, 1);
  pts.forEach(([px, py], i) =>
    i === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py),
  );
  ctx.fill();
};

const STRIPES: CellPainter = (ctx, { x, y, s }, colors, rng) => {
  const color = rng.pick(colors);
  const count = rng.int(3, 5);
  for (let i = 0; i < count; i++)
    fillRect(ctx, x, y + (i * s) / count, s, s / count / 2, color);
};

const RING: CellPainter = (ctx, { x, y, s }, colors, rng) => {
  ctx.strokeStyle = rng.pick(colors);
  ctx.lineWidth = s * 0.12;
  ctx.beginPath();
  ctx.arc(x + s / 2, y + s / 2, s * 0.34, 0, Math.PI * 2);
  ctx.stroke();
};

const HEAVY: CellPainter[] = [QUARTER, HALF, BLOCK, DISC, TRIANGLE];
const LIGHT: CellPainter[] = [RING, STRIPES, HALF, QUARTER];

/**
 * Loud columns fill up with solid shapes in full colour; quiet ones are
 * sparse, with light shapes in tones near the paper, so the weight of
 * the grid lies where the song is loud.
 */
function paintCell(
  ctx: SKRSContext2D,
  cell: Cell,
  colors: BauhausColors,
  rng: Random,
): void {
  if (rng.chance(0.6 * (1 - cell.level) ** 1.3)) return;
  const heavy = rng.next() < 0.15 + cell.level * 0.8;
  const painter = rng.pick(heavy ? HEAVY : LIGHT);
  const inks = heavy ? colors.loud : colors.quiet;
  if (heavy && rng.chance(0.35))
    fillRect(ctx, cell.x, cell.y, cell.s, cell.s, rng.pick(inks));
  painter(ctx, cell, inks, rng);
}

/**
 * The track's motif as an emblem over a 2x2 block at the loudest stretch,
 * kept inside the grid so nothing bleeds into the type.
 */
function paintEmblem(
  ctx: SKRSContext2D,
  cells: Cell[],
  grid: Grid,
  colors: BauhausColors,
  motif: Motif,
): void {
  const loudest = [...cells].sort((a, b) => b.level - a.level || a.y - b.y)[0];
  if (!loudest) return;
  const s = grid.cell * 2;
  const x = Math.min(loudest.x, 940 - s);
  const y = Math.min(loudest.y, grid.top + grid.rows * grid.cell - s);
  fillRect(ctx, x, y, s, s, colors.block);
  drawMotifGlyph(ctx, motif, x + s / 2, y + s / 2, s * 0.78, colors.figure);
}

function bauhausText(
  scene: Scene,
  ruleY: number,
  onTop: boolean,
  ground: string,
  ink: string,
): TextSpec[] {
  const { input, reading } = scene;
  const faces = [
    faceOf('Grotesk', 700),
    faceOf('Unbounded', 800),
    faceOf('Inter', 800),
  ];
  const plate = { kind: 'box' as const, colors: [ground], padding: 0.25 };
  const top = onTop ? 70 : ruleY + 30;
  const bottom = onTop ? ruleY - 30 : 935;
  const hasArtist = input.artist.trim() !== '';
  const titleBox = {
    x: 60,
    y: top,
    w: 880,
    h: bottom - top - (hasArtist ? 70 : 45),
  };
  return [
    textSpec('title', input.title, titleBox, faces, {
      valign: onTop ? 'bottom' : 'top',
      maxSize: 118,
      maxLines: 3,
      lineHeight: 1.0,
      colors: [ink],
      plate,
    }),
    textSpec(
      'artist',
      input.artist,
      { x: 60, y: bottom - 56, w: 560, h: 50 },
      [faceOf('Inter', 500)],
      {
        valign: 'bottom',
        maxSize: 34,
        colors: [ink],
        plate,
      },
    ),
    textSpec(
      'label',
      factsCaption(reading.facts),
      { x: 640, y: bottom - 40, w: 300, h: 36 },
      monoFaces(),
      {
        align: 'right',
        anchored: true,
        valign: 'bottom',
        maxSize: 22,
        colors: [ink],
        plate,
      },
    ),
  ];
}
