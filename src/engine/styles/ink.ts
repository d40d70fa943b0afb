import type { SKRSContext2D } from '@napi-rs/canvas';
import {
  fromHex,
  mixHex,
  oklchHex,
  rgbToOklch,
  withAlpha,
} from '../color/color.js';
import type { Palette } from '../color/palette.js';
import type { Mood } from '../reading/read-mood.js';
import { loudestMoment } from '../reading/loudest-moment.js';
import {
  fillCircle,
  fillGround,
  fillPolygon,
  fillRect,
} from '../draw/shapes.js';
import type { Random } from '../random.js';
import { sampleAt } from '../reading/resample.js';
import type { TrackReading } from '../reading/read-track.js';
import { paintStrokeLayout, STROKE_LAYOUTS } from '../draw/brush-strokes.js';
import { faceOf, handFaces } from '../typography/genre-faces.js';
import type { FaceRequest } from '../typography/font-stack.js';
import type { TextSpec } from '../typography/text-spec.js';
import type { CoverStyle, Scene } from './style.js';
import { textSpec } from './text-specs.js';

const FIT: Record<string, number> = {
  folk: 0.8,
  lofi: 0.72,
  classical: 0.6,
  world: 0.62,
  jazz: 0.5,
  soul: 0.42,
  country: 0.5,
  latin: 0.45,
  ambient: 0.45,
  // Black brush strokes, as on metal's hand-drawn sleeves.
  metal: 0.42,
};
const LAND = ['mountain', 'water', 'desert', 'forest', 'road', 'rain'];

/**
 * Brush and ink on paper: an ensō, or ink-wash ridges receding into mist,
 * with a vermilion sun or seal. The brush's weight follows the energy, the
 * ridge lines are the energy contour, the tempo sets the dry-brush strands.
 * Type is handwritten for songs of voice and guitar, a calligraphic serif
 * for concert music.
 */
export const inkStyle: CoverStyle = {
  info: {
    id: 'ink',
    name: 'Ink & brush',
    description:
      'An ensō or ink-wash ridges in mist on paper, vermilion seal; handwritten or calligraphic type.',
  },
  kind: 'hand',
  suitability: (reading) => {
    const land = reading.motifs.some((m) => LAND.includes(m) || m === 'moon')
      ? 0.15
      : 0;
    const cjk = reading.scripts.includes('japanese') ? 0.15 : 0;
    return (FIT[reading.genre] ?? 0.3) + land + cjk;
  },
  paint(scene) {
    const { ctx, reading, palette, rng } = scene;
    const paperL = paperValue(palette, reading.mood);
    const paper = inkPaper(palette, paperL);
    const ink = inkColour(palette, paperL);
    const seal = sealColour(palette);
    fillGround(ctx, paper);
    const picture = choosePicture(reading, scene.variation);
    const landscape = picture === 'ridges';
    if (picture === 'ridges') paintRidges(ctx, reading, ink, paper, seal, rng);
    if (picture === 'enso') paintEnso(ctx, reading, ink, paper, seal, rng);
    if (picture === 'strokes') paintStrokes(ctx, reading, ink, paper, rng);
    paintSeal(ctx, seal, paper, landscape, rng);
    return inkText(scene, paper, ink, landscape);
  },
};

/**
 * Rice paper, a little greyer for darker tracks (its value follows the
 * palette's, within the range paper has: below about 0.85 it reads as card,
 * not paper); black paper only when the words are truly dark, for a night
 * landscape in pale ink.
 */
function paperValue(palette: Palette, mood: Mood): number {
  if (mood.darkness >= 0.6) return palette.value;
  return 0.85 + (palette.value - 0.12) * 0.09;
}

/**
 * Light paper is dyed a pale tint of the palette's hue, as washi is, so
 * the track's colour shows even where the ink is black; black paper stays
 * nearly neutral.
 */
function inkPaper(palette: Palette, value: number): string {
  if (value < 0.5) {
    const chroma = Math.min(0.03, palette.chroma * 0.25);
    return oklchHex(value, chroma, palette.groundHue);
  }
  const chroma = Math.min(0.048, 0.018 + palette.chroma * 0.14);
  const hue = palette.darkGround ? palette.hue : palette.fieldHue;
  return oklchHex(value, chroma, hue);
}

/**
 * Ink as dense as the energy: a grey wash for calm tracks, near black (or
 * near white on black paper) for loud ones. Its tint is the track's: an
 * indigo, blue-black or green-black for cold hues, a sepia for warm ones
 * (a warm hue's own dark is olive or brown, so it turns towards red).
 */
function inkColour(palette: Palette, paper: number): string {
  const density = 0.65 + 0.35 * palette.contrast;
  const far = paper < 0.5 ? 0.95 : 0.12;
  const l = paper + (far - paper) * density;
  const chroma = Math.min(0.045, palette.chroma * 0.3);
  const turn = fromOrange(palette.hue);
  const sepia = Math.abs(turn) <= 75;
  return oklchHex(l, chroma, sepia ? 24 + turn * 0.4 : palette.hue);
}

/**
 * The seal's red: vermilion for warm tracks, turned a little by the key
 * (towards carmine or towards orange); cold tracks seal in their own hue.
 */
function sealColour(palette: Palette): string {
  const chroma = Math.max(0.1, palette.chroma * 1.15);
  if (palette.temperature !== 'warm')
    return oklchHex(0.58, chroma, palette.hue);
  return oklchHex(0.58, chroma, 32 + fromOrange(palette.hue) * 0.4);
}

/** Degrees from orange, −180 to 180. */
const fromOrange = (hue: number): number => ((hue - 45 + 540) % 360) - 180;

type Picture = 'enso' | 'ridges' | 'strokes';
const PICTURES: readonly Picture[] = ['ridges', 'enso', 'strokes'];

/**
 * Landscape words give ridges, intense words brush bars, others an ensō.
 * The words decide, not the measured energy, so a louder mix of the same
 * song keeps its picture and only inks it harder.
 */
function choosePicture(reading: TrackReading, variation: number): Picture {
  const land = reading.motifs.some((m) => LAND.includes(m));
  const first: Picture = land
    ? 'ridges'
    : reading.mood.arousal > 0.3
      ? 'strokes'
      : 'enso';
  const start = PICTURES.indexOf(first);
  return PICTURES[(start + variation) % PICTURES.length] ?? first;
}

/**
 * Brush strokes laid in one of three ways the track chooses (a slanted
 * stack, falling columns, crossing sweeps), as many as the tempo asks, as
 * heavy as the energy, each pressed harder where the song is loud at that
 * point of its length (time runs left to right).
 */
function paintStrokes(
  ctx: SKRSContext2D,
  reading: TrackReading,
  ink: string,
  paper: string,
  rng: Random,
): void {
  const layout = rng.pick(STROKE_LAYOUTS);
  paintStrokeLayout(ctx, layout, reading.features, { ink, paper }, rng);
}

/** A brush circle: width swells and thins, with a gap where it lifts. */
function paintEnso(
  ctx: SKRSContext2D,
  reading: TrackReading,
  ink: string,
  paper: string,
  seal: string,
  rng: Random,
): void {
  const cx = 300 + loudestMoment(reading.features.contour) * 400;
  const cy = rng.range(350, 410);
  const r = rng.range(200, 265);
  const celestial = reading.motifs.find(
    (m) => m === 'moon' || m === 'sun' || m === 'night',
  );
  if (celestial)
    fillCircle(
      ctx,
      cx + r * 0.28,
      cy - r * 0.22,
      r * 0.22,
      withAlpha(seal, 0.92),
    );
  const start = rng.range(0, Math.PI * 2);
  const sweep = Math.PI * 2 * rng.range(0.72, 0.93);
  const weight = 22 + reading.features.energy * 40;
  const strands = 2 + Math.round(reading.features.bpm / 12);
  // A circle alone, one drawn again inside it, or a faint first try
  // behind it: the track's choice, from a fork so the rest stays put.
  const form = rng.fork('enso').pick(['single', 'echo', 'nested'] as const);
  if (form === 'echo') {
    const ex = cx + (cx > 500 ? -1 : 1) * r * 0.45;
    const echo = start + Math.PI * 0.7;
    strokeBrush(
      ctx,
      ex,
      cy + 24,
      r * 0.62,
      echo,
      sweep,
      weight * 0.5,
      ink,
      0.3,
      rng,
    );
  }
  strokeBrush(ctx, cx, cy, r, start, sweep, weight, ink, 0.92, rng);
  if (form === 'nested') {
    const inner = start + Math.PI * 0.9;
    const turn = sweep * 0.75;
    strokeBrush(
      ctx,
      cx,
      cy,
      r * 0.56,
      inner,
      turn,
      weight * 0.55,
      ink,
      0.9,
      rng,
    );
  }
  // Dry-brush streaks where the bristles run out of ink: more of them,
  // finer, the faster the song.
  for (let i = 0; i < strands; i++) {
    const offset = rng.range(-weight * 0.38, weight * 0.38);
    const from = rng.range(0.3, 0.6);
    strokeBrush(
      ctx,
      cx,
      cy,
      r + offset,
      start + sweep * from,
      sweep * (1 - from) * rng.range(0.8, 1),
      rng.range(1.2, 2.6),
      paper,
      0.85,
      rng,
    );
  }
}

function strokeBrush(
  ctx: SKRSContext2D,
  cx: number,
  cy: number,
  r: number,
  start: number,
  sweep: number,
  weight: number,
  ink: string,
  alpha: number,
  rng: Random,
): void {
  const steps = 90;
  const outer: [number, number][] = [];
  const inner: [number, number][] = [];
  let wobble = 0;
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    wobble += rng.range(-0.08, 0.08);
    const w =
      weight *
      (0.25 + 0.75 * Math.sin(Math.PI * Math.min(1, t * 1.15)) ** 0.6) *
      (1 + wobble * 0.3);
    const a = start + sweep * t;
    const rr = r + Math.sin(t * 7) * 4;
    outer.push([
      cx + Math.cos(a) * (rr + w / 2),
      cy + Math.sin(a) * (rr + w / 2),
    ]);
    inner.push([
      cx + Math.cos(a) * (rr - w / 2),
      cy + Math.sin(a) * (rr - w / 2),
    ]);
  }
  fillPolygon(ctx, [...outer, ...inner.reverse()], withAlpha(ink, alpha));
}

/**
 * How a track's range is drawn: where the hills begin, how broad and how
 * sharp their swells are, how large the sun is, and whether the nearest
 * ground is a lake that mirrors the range.
 */
interface RidgeShape {
  top: number;
  /** Periods of the two swells, in cover units. */
  broad: number;
  fine: number;
  /** 0 rolling hills – 1 sharp peaks. */
  sharp: number;
  sunR: number;
  lake: boolean;
}

function ridgeShape(rng: Random): RidgeShape {
  return {
    top: rng.range(400, 480),
    broad: rng.range(60, 130),
    fine: rng.range(24, 46),
    sharp: rng.chance(0.5) ? rng.range(0.6, 1) : rng.range(0, 0.25),
    sunR: rng.range(44, 78),
    lake: rng.chance(0.4),
  };
}

/**
 * Ink-wash ridges receding into mist, one more ridge for every 30 beats a
 * minute (three to six); the nearest ridge's line is the energy contour
 * and the sun sets behind the loudest moment. On light paper far ridges
 * are pale and near ones dark; on black paper the far ones are moonlit
 * and the nearest is almost the paper. Some ranges stand over a lake that
 * mirrors them, its ripples one per 20 beats a minute.
 */
function paintRidges(
  ctx: SKRSContext2D,
  reading: TrackReading,
  ink: string,
  paper: string,
  seal: string,
  rng: Random,
): void {
  const contour = reading.features.contour;
  const shape = ridgeShape(rng.fork('ridges'));
  const sunX = 150 + loudestMoment(contour) * 700;
  // Under the title the sun sits low, half behind the hills.
  const sunY = sunX < 640 ? 392 + shape.sunR * 0.5 : rng.range(170, 260);
  fillCircle(ctx, sunX, sunY, shape.sunR, withAlpha(seal, 0.9));
  const layers = Math.min(
    6,
    Math.max(3, Math.round(reading.features.bpm / 30)),
  );
  const dark = isDarkPaper(paper);
  const floor = shape.lake ? 800 : 1000;
  const span = (floor - shape.top - 220) / layers;
  const outlines: [number, number][][] = [];
  for (let k = 0; k < layers; k++) {
    const base = shape.top + (k + 1) * span;
    const amp = 170 - k * (90 / layers);
    const lag = (layers - 1 - k) * 0.07;
    const points = ridgeLine(contour, base, amp, lag, shape, floor, rng);
    const colour = ridgeColour(k / (layers - 1), dark, ink, paper);
    outlines.push(points);
    fillPolygon(ctx, points, colour);
    if (k < layers - 1) paintMist(ctx, base, dark ? ink : paper, dark);
  }
  if (shape.lake)
    paintLake(ctx, outlines, floor, reading.features.bpm, { ink, paper }, dark);
}

function ridgeColour(
  depth: number,
  dark: boolean,
  ink: string,
  paper: string,
): string {
  return dark
    ? withAlpha(mixHex(ink, paper, 0.35 + depth * 0.55), 0.95)
    : withAlpha(ink, 0.16 + depth * 0.64);
}

function paintMist(
  ctx: SKRSContext2D,
  base: number,
  haze: string,
  dark: boolean,
): void {
  const mist = ctx.createLinearGradient(0, base - 40, 0, base + 80);
  mist.addColorStop(0, withAlpha(haze, 0));
  mist.addColorStop(1, withAlpha(haze, dark ? 0.12 : 0.55));
  ctx.fillStyle = mist;
  ctx.fillRect(0, base - 40, 1000, 120);
}

/**
 * Still water under the range: the paper again, the ridges mirrored in it
 * faintly, and brushed ripples, more of them the faster the song.
 */
function paintLake(
  ctx: SKRSContext2D,
  outlines: [number, number][][],
  shore: number,
  bpm: number,
  colours: { ink: string; paper: string },
  dark: boolean,
): void {
  const { ink, paper } = colours;
  fillRect(ctx, 0, shore, 1000, 1000 - shore, paper);
  outlines.forEach((points, k) => {
    const mirrored = points.map(([x, y]): [number, number] => [
      x,
      shore + (shore - y) * 0.6,
    ]);
    const alpha = dark ? 0.1 + k * 0.05 : 0.06 + k * 0.05;
    fillPolygon(ctx, mirrored, withAlpha(ink, alpha));
  });
  const ripples = Math.min(12, Math.max(4, Math.round(bpm / 20)));
  ctx.save();
  ctx.strokeStyle = withAlpha(ink, 0.55);
  ctx.lineCap = 'round';
  for (let i = 0; i < ripples; i++) {
    const y = shore + 18 + (i * (1000 - shore - 30)) / ripples;
    const half = 60 + ((i * 37) % 5) * 40;
    const x = 180 + ((i * 293) % 640);
    ctx.lineWidth = 2 + (i % 3);
    ctx.beginPath();
    ctx.moveTo(x - half, y);
    ctx.lineTo(x + half, y);
    ctx.stroke();
  }
  ctx.restore();
}

/**
 * A ridge's outline: the contour (read `lag` late) over two swells, turned
 * from rolling hills to peaks by the shape's sharpness.
 */
function ridgeLine(
  contour: number[],
  base: number,
  amp: number,
  lag: number,
  shape: RidgeShape,
  floor: number,
  rng: Random,
): [number, number][] {
  const phase = rng.range(0, 10);
  const points: [number, number][] = [[0, floor]];
  for (let x = 0; x <= 1000; x += 10) {
    const level = sampleAt(contour, Math.min(1, x / 1000 + lag));
    const roll = Math.sin(x / shape.broad + phase);
    const peak = 1 - 2 * Math.abs(Math.sin(x / (shape.broad * 2) + phase));
    const swell = roll * (1 - shape.sharp) + peak * shape.sharp;
    const ridge = swell * 0.35 + Math.sin(x / shape.fine + phase * 2) * 0.12;
    points.push([x, base - amp * (0.6 * level + 0.25 + ridge * 0.45)]);
  }
  points.push([1000, floor]);
  return points;
}

function isDarkPaper(paper: string): boolean {
  return rgbToOklch(fromHex(paper)).l < 0.5;
}

/** A small square seal: a carved frame round a dot or a bar. */
function paintSeal(
  ctx: SKRSContext2D,
  seal: string,
  paper: string,
  landscape: boolean,
  rng: Random,
): void {
  const x = landscape ? 858 : 820;
  const y = landscape ? 80 : 720;
  fillRect(ctx, x, y, 62, 62, seal);
  ctx.save();
  ctx.strokeStyle = paper;
  ctx.lineWidth = 4;
  ctx.strokeRect(x + 9, y + 9, 44, 44);
  ctx.restore();
  const mark = rng.int(0, 2);
  if (mark === 0) fillCircle(ctx, x + 31, y + 31, 9, paper);
  if (mark === 1) fillRect(ctx, x + 19, y + 28, 24, 6, paper);
  if (mark === 2) fillRect(ctx, x + 28, y + 19, 6, 24, paper);
}

function inkFaces(reading: TrackReading): FaceRequest[] {
  if (reading.genre === 'classical')
    return [faceOf('Cormorant', 500, true), faceOf('Playfair', 400, true)];
  if (reading.genre === 'soul' || reading.genre === 'jazz')
    return [faceOf('DM Serif', 400, true), faceOf('Playfair', 400, true)];
  return handFaces();
}

function inkText(
  scene: Scene,
  paper: string,
  ink: string,
  landscape: boolean,
): TextSpec[] {
  const { input, reading } = scene;
  const plate = {
    kind: 'soft' as const,
    colors: [paper],
    padding: 0.3,
    radius: 20,
  };
  const titleBox = landscape
    ? { x: 70, y: 70, w: 520, h: 260 }
    : { x: 90, y: 700, w: 700, h: 170 };
  return [
    textSpec('title', input.title, titleBox, inkFaces(reading), {
      maxSize: 110,
      maxLines: 4,
      lineHeight: 1.0,
      // Bottom-aligned either way, so the artist line sits right under
      // the title however short it is.
      valign: 'bottom',
      colors: [ink],
      plate,
    }),
    textSpec(
      'artist',
      input.artist,
      landscape
        ? { x: 70, y: 345, w: 480, h: 36 }
        : { x: 90, y: 886, w: 600, h: 36 },
      [faceOf('Cormorant', 700), faceOf('Inter', 500)],
      {
        maxSize: 30,
        tracking: 0.08,
        colors: [ink],
        plate,
      },
    ),
  ];
}
