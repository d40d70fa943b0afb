import type { SKRSContext2D } from '@napi-rs/canvas';
import { fromHex, oklchHex } from '../color/color.js';
import { harmonyOffsets, lean, tone, type Palette } from '../color/palette.js';
import { contourSegments } from '../draw/contours.js';
import { fillGround, fillRect, strokeLine } from '../draw/shapes.js';
import type { Random } from '../random.js';
import { borrowCanvas } from '../reusable-canvas.js';
import { sampleAt } from '../reading/resample.js';
import { displayFaces, faceOf, monoFaces } from '../typography/genre-faces.js';
import type { TextSpec } from '../typography/text-spec.js';
import type { CoverStyle, Scene } from './style.js';
import { textSpec } from './text-specs.js';
import { factsCaption } from '../reading/track-facts.js';

const FIT: Record<string, number> = {
  ambient: 0.7,
  folk: 0.66,
  country: 0.66,
  world: 0.62,
  classical: 0.55,
  electronic: 0.6,
  latin: 0.4,
  lofi: 0.4,
  unknown: 0.5,
};
const LANDFORM_MOTIFS = [
  'mountain',
  'desert',
  'water',
  'road',
  'forest',
  'space',
];

interface Hill {
  x: number;
  y: number;
  /** Spread along the hill's long axis and across it. */
  r: number;
  across: number;
  /** The long axis's direction, as its cosine and sine. */
  cos: number;
  sin: number;
  h: number;
}

/**
 * A contour map of an invented landscape: one hill per loud stretch of the
 * song, as high as the energy there; the tempo sets how many contour levels
 * are drawn (denser lines for faster songs). The words sit in a map
 * legend with a scale bar whose ticks are beats.
 */
export const topoStyle: CoverStyle = {
  info: {
    id: 'topo',
    name: 'Contour map',
    description:
      'Topographic lines of hills raised by the energy contour, tempo-dense; the words in a map legend.',
  },
  kind: 'line',
  suitability: (reading) =>
    (FIT[reading.genre] ?? 0.3) +
    (reading.motifs.some((m) => LANDFORM_MOTIFS.includes(m)) ? 0.2 : 0),
  paint(scene) {
    const { ctx, reading, palette, rng } = scene;
    const ground = palette.paper;
    const line = mapLine(palette);
    const accent = tone(palette, 1, harmonyOffsets(palette)[0], 1.3);
    fillGround(ctx, ground);

    const field = mapHeights(reading.features.contour, rng);
    const levels = Math.round(
      10 + ((Math.min(190, reading.features.bpm) - 60) / 130) * 16,
    );
    paintTints(ctx, field, layerTints(palette, levels));
    drawLevels(ctx, field, GRID, levels, line, accent);
    const legend = legendBox(rng);
    drawLegend(ctx, legend, ground, line, reading.features.bpm);
    return topoText(scene, legend, ground, line);
  },
};

/**
 * Contour lines must read like a printed map's: darker than shapes would
 * be on light paper (lighter on dark), and firmer the louder the track.
 */
function mapLine(palette: Palette): string {
  const v = palette.value;
  const far = palette.darkGround ? 0.8 : 0.22;
  const l = v + (far - v) * (0.5 + 0.45 * palette.contrast);
  const hue = palette.hue + lean(palette, 25);
  return oklchHex(l, Math.max(0.05, palette.chroma * 1.1), hue);
}

/**
 * One hill per stretch of the song, left to right in time, as broad and
 * high as the song is loud there: the map's highest ground is its loudest
 * moment. Each is a ridge of its own length and bearing, so the summits
 * stand apart instead of melting into one dome.
 */
function hillsFor(contour: number[], rng: Random): Hill[] {
  const count = 5;
  return Array.from({ length: count }, (_, i) => {
    const t = (i + 0.5) / count;
    const level = sampleAt(contour, t);
    const r = rng.range(100, 175) * (0.6 + level * 0.8);
    const x = 90 + t * 820 + rng.range(-40, 40);
    const y = rng.range(120, 620);
    const across = r / rng.range(1, 2.2);
    const angle = rng.range(0, Math.PI);
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    return { x, y, r, across, cos, sin, h: 0.15 + level * 1.1 };
  });
}

/** Lattice sizes of the terrain's octaves, coarse to fine. */
const OCTAVES = [4, 9, 19] as const;

/**
 * The ground between the hills: seeded value noise in three octaves,
 * each half as strong as the one before, so contour lines wander and
 * spurs and hollows form as on a surveyed map. Heights are 0–1 at each
 * point of the 0–1000 square.
 */
function terrain(rng: Random): (x: number, y: number) => number {
  const lattices = OCTAVES.map((cells) =>
    Array.from({ length: (cells + 1) ** 2 }, () => rng.next()),
  );
  return (x, y) => {
    let sum = 0;
    let weight = 0.5;
    OCTAVES.forEach((cells, o) => {
      const cell = (v: number) => (v / 1000) * cells;
      const lattice = lattices[o] ?? [];
      sum +=
        weight * sampleSquare(lattice, cells + 1, cell(x), cell(y), smooth);
      weight /= 2;
    });
    return sum / 0.875;
  };
}

const smooth = (t: number) => t * t * (3 - 2 * t);

/** How much the rolling ground adds to the hills' height. */
const TERRAIN_RELIEF = 0.32;

/**
 * The heights the map is drawn from, GRID points a side, row by row: the
 * song's hills on rolling ground.
 */
export function mapHeights(contour: number[], rng: Random): Float64Array {
  const hills = hillsFor(contour, rng);
  return heightField(hills, terrain(rng.fork('terrain')), GRID);
}

/** Points per side of the height field the map is drawn from. */
export const GRID = 90;
/** Pixels per side of the layer-tint raster, scaled up smoothly. */
const TINT_LAYER = 250;

/**
 * Layer tints, as on a relief map: the lowland is the paper and each
 * step between two index contours (every fifth level) a shade further
 * into the palette, so every map is printed in its track's colours and
 * its highest ground, the loudest moment, is the deepest. Dark maps tint
 * in the ground's own hue, where warm shades would turn brown.
 */
function layerTints(palette: Palette, levels: number): string[] {
  const steps = Math.max(1, Math.floor(levels / 5));
  const dark = palette.darkGround;
  const hue = dark ? palette.groundHue - palette.hue : lean(palette, 24);
  // A grey ground (steel, ink-black) gets grey tints.
  const groundShare = palette.groundChroma / Math.max(0.01, palette.chroma);
  return Array.from({ length: levels + 1 }, (_, k) => {
    const step = Math.floor(k / 5);
    if (step === 0) return palette.paper;
    const t = step / steps;
    const chroma = dark
      ? Math.min(0.25 + 0.25 * t, (groundShare * (1 + t)) / 2)
      : 0.45 + 0.35 * t;
    return tone(palette, 0.1 + 0.32 * t, hue, chroma);
  });
}

/**
 * Fills each band of the field with its tint. The bands are rasterised
 * small and scaled up smoothly: their edges lie under the contour lines,
 * which are drawn crisp on top.
 */
function paintTints(
  ctx: SKRSContext2D,
  field: Float64Array,
  tints: string[],
): void {
  const size = TINT_LAYER;
  const { canvas: layer, ctx: lctx } = borrowCanvas('topo-tints', size, size);
  const image = lctx.createImageData(size, size);
  const data = image.data;
  const colours = tints.map(fromHex);
  const bands = tints.length;
  const max = Math.max(1e-9, ...field);
  const last = GRID - 1;
  for (let y = 0; y < size; y++) {
    const fy = (y / (size - 1)) * last;
    for (let x = 0; x < size; x++) {
      const h = sampleSquare(field, GRID, (x / (size - 1)) * last, fy);
      const band = Math.min(
        bands - 1,
        Math.max(0, Math.floor((h / max) * bands)),
      );
      const colour = colours[band] ?? { r: 0, g: 0, b: 0 };
      const o = (y * size + x) * 4;
      data[o] = colour.r;
      data[o + 1] = colour.g;
      data[o + 2] = colour.b;
      data[o + 3] = 255;
    }
  }
  lctx.putImageData(image, 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'low';
  ctx.drawImage(layer, 0, 0, 1000, 1000);
  ctx.restore();
}

/**
 * A square of `side` × `side` values, row by row, read between its points
 * at grid coordinates (gx, gy): bilinear, as marching squares reads the
 * height field, or eased across each cell (the terrain's smooth noise).
 */
function sampleSquare(
  values: ArrayLike<number>,
  side: number,
  gx: number,
  gy: number,
  ease: (t: number) => number = (t) => t,
): number {
  const i = Math.min(side - 2, Math.floor(gx));
  const j = Math.min(side - 2, Math.floor(gy));
  const u = ease(gx - i);
  const v = ease(gy - j);
  const k = j * side + i;
  const a = values[k] ?? 0;
  const b = values[k + 1] ?? 0;
  const c = values[k + side] ?? 0;
  const d = values[k + side + 1] ?? 0;
  const top = a + (b - a) * u;
  return top + (c + (d - c) * u - top) * v;
}

function heightField(
  hills: Hill[],
  ground: (x: number, y: number) => number,
  n: number,
): Float64Array {
  const field = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const x = (i / (n - 1)) * 1000;
      const y = (j / (n - 1)) * 1000;
      let h = TERRAIN_RELIEF * ground(x, y);
      for (const hill of hills) h += hill.h * ridgeAt(hill, x, y);
      field[j * n + i] = h;
    }
  }
  return field;
}

/** A hill's share of its height at a point: a Gaussian stretched along its axis. */
function ridgeAt(hill: Hill, x: number, y: number): number {
  const dx = x - hill.x;
  const dy = y - hill.y;
  const { cos, sin } = hill;
  const along = (dx * cos + dy * sin) / hill.r;
  const across = (dy * cos - dx * sin) / hill.across;
  return Math.exp(-(along * along + across * across) / 2);
}

function drawLevels(
  ctx: SKRSContext2D,
  field: Float64Array,
  n: number,
  levels: number,
  line: string,
  accent: string,
): void {
  let max = 0;
  for (const v of field) max = Math.max(max, v);
  ctx.save();
  ctx.lineCap = 'round';
  for (let k = 1; k <= levels; k++) {
    const level = (k / (levels + 1)) * max;
    const index = k % 5 === 0;
    ctx.strokeStyle = k === levels ? accent : line;
    ctx.lineWidth = index ? 3.2 : 1.4;
    ctx.beginPath();
    for (const [x1, y1, x2, y2] of contourSegments(field, n, n, level)) {
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
    }
    ctx.stroke();
  }
  ctx.restore();
}

interface Legend {
  x: number;
  y: number;
  w: number;
  h: number;
}

function legendBox(rng: Random): Legend {
  const left = rng.chance(0.5);
  return { x: left ? 60 : 440, y: 660, w: 500, h: 280 };
}

/** The legend card and a scale bar of eight beats. */
function drawLegend(
  ctx: SKRSContext2D,
  box: Legend,
  ground: string,
  line: string,
  bpm: number,
): void {
  fillRect(ctx, box.x, box.y, box.w, box.h, ground);
  ctx.strokeStyle = line;
  ctx.lineWidth = 2;
  ctx.strokeRect(box.x, box.y, box.w, box.h);
  const barY = box.y + box.h - 34;
  const beat = Math.min(50, 3000 / bpm);
  for (let i = 0; i < 8; i++) {
    fillRect(
      ctx,
      box.x + 28 + i * beat,
      barY,
      beat,
      8,
      i % 2 === 0 ? line : ground,
    );
  }
  ctx.strokeRect(box.x + 28, barY, beat * 8, 8);
  strokeLine(ctx, box.x + 28, barY - 10, box.x + 28, barY + 18, line, 2);
}

function topoText(
  scene: Scene,
  box: Legend,
  ground: string,
  line: string,
): TextSpec[] {
  const { input, reading } = scene;
  const f = reading.features;
  const plate = { kind: 'box' as const, colors: [ground], padding: 0.2 };
  const inner = box.w - 56;
  const hasArtist = input.artist.trim() !== '';
  return [
    textSpec(
      'title',
      input.title,
      { x: box.x + 28, y: box.y + 26, w: inner, h: hasArtist ? 140 : 176 },
      displayFaces(reading.genre),
      {
        maxSize: 70,
        maxLines: 4,
        lineHeight: 1.04,
        colors: [line],
        plate,
      },
    ),
    textSpec(
      'artist',
      input.artist,
      { x: box.x + 28, y: box.y + 176, w: inner, h: 34 },
      [faceOf('Inter', 500)],
      {
        maxSize: 26,
        tracking: 0.12,
        uppercase: true,
        colors: [line],
        plate,
      },
    ),
    textSpec(
      'label',
      factsCaption(reading.facts),
      {
        x: box.x + 28 + 8 * Math.min(50, 3000 / f.bpm) + 16,
        y: box.y + box.h - 44,
        w: inner - 8 * Math.min(50, 3000 / f.bpm) - 16,
        h: 28,
      },
      monoFaces(),
      {
        align: 'right',
        anchored: true,
        maxSize: 18,
        colors: [line],
        plate,
      },
    ),
  ];
}
