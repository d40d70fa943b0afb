import type { SKRSContext2D } from '@napi-rs/canvas';
import { mixHex, oklchHex } from '../color/color.js';
import { loudestMoment } from '../reading/loudest-moment.js';
import { fillCircle, fillPolygon, fillRect } from '../draw/shapes.js';
import { createRandom, shuffled, type Random } from '../random.js';
import { sampleAt } from '../reading/resample.js';
import type { TrackReading } from '../reading/read-track.js';
import { displayFaces, faceOf } from '../typography/genre-faces.js';
import type { FaceRequest } from '../typography/font-stack.js';
import type { TextSpec } from '../typography/text-spec.js';
import type { CoverStyle, Scene } from './style.js';
import { textSpec } from './text-specs.js';

const FIT: Record<string, number> = {
  synthwave: 0.95,
  country: 0.62,
  latin: 0.58,
  pop: 0.5,
  world: 0.5,
  soul: 0.4,
  folk: 0.4,
  electronic: 0.4,
  kids: 0.4,
};
const SCENIC = ['sun', 'desert', 'water', 'city', 'road', 'mountain'];

type Foreground = 'sea' | 'mesas' | 'skyline' | 'peaks' | 'grid' | 'road';

interface Sky {
  top: string;
  horizon: string;
  sunTop: string;
  sunBottom: string;
  land: string;
  line: string;
}

/**
 * A retro sunset: a banded sun on the horizon over a foreground the words
 * suggest (sea, mesas, skyline, peaks, or a neon grid). The tempo sets how
 * many bands cut the sun and how dense the grid is; the energy contour
 * raises the skyline and the mountain ridges.
 */
export const sunsetStyle: CoverStyle = {
  info: {
    id: 'sunset',
    name: 'Retro sunset',
    description:
      'Banded sun over sea, mesas, skyline, peaks or a neon grid chosen from the words; type in the sky.',
  },
  kind: 'scene',
  suitability: (reading) =>
    (FIT[reading.genre] ?? 0.3) +
    (reading.motifs.some((m) => SCENIC.includes(m)) ? 0.1 : 0),
  paint(scene) {
    const { ctx, reading, palette, rng } = scene;
    const sky = skyColours(scene);
    const horizon = 640;
    paintSky(ctx, sky, horizon);
    if (palette.darkGround || reading.motifs.includes('stars'))
      paintStars(ctx, rng.fork('stars'), horizon);
    const sunR = 150 + reading.features.energy * 90;
    // The sun rises over the loudest moment, and stays whole in the frame.
    const at = 200 + loudestMoment(reading.features.contour) * 600;
    const sunX = Math.min(960 - sunR, Math.max(40 + sunR, at));
    paintSun(ctx, sunX, horizon, sunR, sky, reading.features.bpm);
    const foreground = chooseForeground(reading, scene.variation);
    paintForeground(ctx, foreground, scene, sky, horizon, sunX);
    return sunsetText(scene, sky, horizon - sunR - 40);
  },
};

/**
 * A night sky for dark tracks and a day sky for bright ones (the sky's
 * value is the palette's), glowing towards the horizon as far as the
 * energy's contrast allows; the sun is always the brightest thing.
 */
function skyColours(scene: Scene): Sky {
  const { palette } = scene;
  const v = palette.value;
  const topL = palette.darkGround ? v : 0.5 + (v - 0.76) * 1.6;
  const glow = 0.1 + palette.contrast * 0.32;
  const c = palette.chroma;
  const warm = warmSideOf(palette.hue);
  // A warm sky's sun and glow turn towards yellow but stop there: past it
  // a sun is lime. Its land is a silhouette in the night's own hue, or
  // turned towards red, never a deep olive.
  const sunHue = warm === null ? palette.hue + 55 : Math.min(warm + 55, 92);
  const glowHue = warm === null ? palette.hue + 10 : Math.min(warm + 10, 80);
  const landHue =
    warm === null
      ? palette.hue + 30
      : palette.darkGround
        ? palette.groundHue
        : warm - 30;
  return {
    top: oklchHex(
      topL,
      palette.darkGround ? palette.groundChroma * 0.93 : c * 0.7,
      palette.groundHue,
    ),
    horizon: oklchHex(Math.min(0.86, topL + glow), c * 1.1, glowHue),
    sunTop: oklchHex(0.93, Math.max(0.08, c * 0.8), sunHue),
    sunBottom: oklchHex(0.66, Math.max(0.1, c * 1.3), palette.hue - 15),
    land: oklchHex(0.26 - palette.contrast * 0.12, 0.05, landHue),
    line: oklchHex(0.72, Math.max(0.1, c * 1.2), palette.hue - 30),
  };
}

/**
 * A hue on the warm side of the wheel (crimson to yellow-green), as
 * degrees unwrapped round orange (so 350 reads as -10); null for others.
 */
function warmSideOf(hue: number): number | null {
  const fromOrange = ((hue - 45 + 540) % 360) - 180;
  return fromOrange >= -75 && fromOrange <= 65 ? 45 + fromOrange : null;
}

function paintSky(ctx: SKRSContext2D, sky: Sky, horizon: number): void {
  const gradient = ctx.createLinearGradient(0, 0, 0, horizon);
  // The upper part holds its colour so the title always stands on a calm
  // sky; the glow starts below it.
  gradient.addColorStop(0, sky.top);
  gradient.addColorStop(0.6, sky.top);
  gradient.addColorStop(1, sky.horizon);
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, 1000, horizon);
  fillRect(ctx, 0, horizon, 1000, 1000 - horizon, sky.land);
}

function paintStars(ctx: SKRSContext2D, rng: Random, horizon: number): void {
  for (let i = 0; i < 46; i++) {
    // Stars keep out of the band the title is set in.
    const y = rng.range(410, horizon - 60);
    fillCircle(
      ctx,
      rng.range(10, 990),
      y,
      rng.range(0.8, 2.4),
      `rgba(255,255,255,${rng.range(0.35, 0.85).toFixed(2)})`,
    );
  }
}

/** The sun's lower half is cut by bands: 3 at 60 bpm, 11 at 180. */
function paintSun(
  ctx: SKRSContext2D,
  x: number,
  horizon: number,
  r: number,
  sky: Sky,
  bpm: number,
): void {
  const bands = Math.round(3 + (Math.min(180, Math.max(60, bpm)) - 60) / 15);
  const top = horizon - r;
  const cutStart = horizon - r * 0.55;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x - r, top, r * 2, cutStart - top);
  const step = (horizon - cutStart) / bands;
  for (let i = 0; i < bands; i++) {
    const gap = step * (0.15 + (0.55 * i) / bands);
    ctx.rect(x - r, cutStart + i * step + gap, r * 2, step - gap);
  }
  ctx.clip();
  const gradient = ctx.createLinearGradient(0, top, 0, horizon);
  gradient.addColorStop(0, sky.sunTop);
  gradient.addColorStop(1, sky.sunBottom);
  ctx.fillStyle = gradient;
  ctx.beginPath();
  ctx.arc(x, horizon, r, Math.PI, Math.PI * 2);
  ctx.fill();
  ctx.restore();
}

const FOREGROUNDS: readonly Foreground[] = [
  'sea',
  'grid',
  'peaks',
  'skyline',
  'mesas',
  'road',
];

const GENRE_FOREGROUNDS: Partial<Record<string, Foreground>> = {
  synthwave: 'grid',
  country: 'mesas',
};

/**
 * The words' landscape first (water, a road, desert, a city, mountains,
 * or, for half the tracks, the genre's own), then the others in a seeded
 * order; each variation
 * moves one along, so alternatives change the scene, not only its light.
 */
export function chooseForeground(
  reading: TrackReading,
  variation: number,
): Foreground {
  const byMotif: Partial<Record<string, Foreground>> = {
    water: 'sea',
    road: 'road',
    desert: 'mesas',
    city: 'skyline',
    mountain: 'peaks',
  };
  const suggested = reading.motifs.flatMap((m) => byMotif[m] ?? []);
  // Seeded by the track alone, so the order is the same for every
  // variation and each one really moves along it.
  const rng = createRandom(reading.seed);
  const rest = shuffled(FOREGROUNDS, rng);
  // The genre's own landscape (the neon grid, the mesas) for half its
  // tracks: always, and a catalogue of one genre is one picture.
  const own = GENRE_FOREGROUNDS[reading.genre];
  if (own && rng.chance(0.5)) suggested.push(own);
  const order = [...new Set([...suggested, ...rest])];
  return order[variation % order.length] ?? 'sea';
}

function paintForeground(
  ctx: SKRSContext2D,
  kind: Foreground,
  scene: Scene,
  sky: Sky,
  horizon: number,
  sunX: number,
): void {
  const { reading, rng } = scene;
  const contour = reading.features.contour;
  if (kind === 'sea')
    paintSea(ctx, sky, horizon, sunX, reading.features.bpm, rng);
  if (kind === 'grid') paintGrid(ctx, sky, horizon, reading.features.bpm);
  if (kind === 'road') paintRoad(ctx, sky, horizon, reading.features.bpm);
  if (kind === 'mesas') paintMesas(ctx, sky, horizon, contour, rng);
  if (kind === 'skyline') paintSkyline(ctx, sky, horizon, contour, rng);
  if (kind === 'peaks') paintPeaks(ctx, sky, horizon, contour, rng);
  if (kind === 'mesas' || kind === 'skyline' || kind === 'peaks')
    paintFurrows(ctx, sky, horizon, reading.features.bpm);
}

/**
 * The plain in front, lit by the sun in lines that close up towards the
 * horizon: one line per twelve beats a minute.
 */
function paintFurrows(
  ctx: SKRSContext2D,
  sky: Sky,
  horizon: number,
  bpm: number,
): void {
  const rows = Math.round(Math.min(16, Math.max(5, bpm / 12)));
  ctx.save();
  ctx.strokeStyle = mixHex(sky.land, sky.line, 0.45);
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (let k = 1; k <= rows; k++) {
    const y = horizon + 16 + (1000 - horizon - 16) * (k / rows) ** 1.8;
    ctx.moveTo(0, y);
    ctx.lineTo(1000, y);
  }
  ctx.stroke();
  ctx.restore();
}

/** A highway to the vanishing point; its dashes are the beats. */
function paintRoad(
  ctx: SKRSContext2D,
  sky: Sky,
  horizon: number,
  bpm: number,
): void {
  fillPolygon(
    ctx,
    [
      [488, horizon],
      [512, horizon],
      [900, 1000],
      [100, 1000],
    ],
    oklchHex(0.26, 0.03, 260),
  );
  const dashes = Math.round(4 + bpm / 25);
  for (let k = 0; k < dashes; k++) {
    const t0 = (k / dashes) ** 2;
    const t1 = ((k + 0.5) / dashes) ** 2;
    const y0 = horizon + (1000 - horizon) * t0;
    const y1 = horizon + (1000 - horizon) * t1;
    const w0 = 1 + t0 * 14;
    const w1 = 1 + t1 * 14;
    fillPolygon(
      ctx,
      [
        [500 - w0, y0],
        [500 + w0, y0],
        [500 + w1, y1],
        [500 - w1, y1],
      ],
      sky.sunTop,
    );
  }
}

/** The sun's path on the water: one ripple per nine beats a minute. */
function paintSea(
  ctx: SKRSContext2D,
  sky: Sky,
  horizon: number,
  sunX: number,
  bpm: number,
  rng: Random,
): void {
  const count = Math.round(Math.min(22, Math.max(7, bpm / 9)));
  for (let i = 0; i < count; i++) {
    const t = i / count;
    const y = horizon + 12 + (1000 - horizon - 40) * t * t;
    const w = (220 - t * 130) * rng.range(0.7, 1.1);
    fillRect(
      ctx,
      sunX - w / 2 + rng.range(-20, 20),
      y,
      w,
      3 + t * 9,
      i % 2 === 0 ? sky.sunBottom : sky.sunTop,
    );
  }
}

function paintGrid(
  ctx: SKRSContext2D,
  sky: Sky,
  horizon: number,
  bpm: number,
): void {
  ctx.save();
  ctx.strokeStyle = sky.line;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  for (let i = -12; i <= 12; i++) {
    ctx.moveTo(500 + i * 18, horizon);
    ctx.lineTo(500 + i * 150, 1000);
  }
  const rows = Math.round(bpm / 8);
  for (let k = 1; k <= rows; k++) {
    const y = horizon + (1000 - horizon) * (k / rows) ** 2;
    ctx.moveTo(0, y);
    ctx.lineTo(1000, y);
  }
  ctx.stroke();
  ctx.restore();
}

function paintMesas(
  ctx: SKRSContext2D,
  sky: Sky,
  horizon: number,
  contour: number[],
  rng: Random,
): void {
  const far = oklchHex(0.46, 0.11, 30);
  let x = -20;
  const points: [number, number][] = [[0, horizon + 40]];
  while (x < 1020) {
    const h = 25 + sampleAt(contour, x / 1000) ** 1.5 * 125;
    const w = rng.range(90, 220);
    points.push(
      [x + 20, horizon - h],
      [x + w - 20, horizon - h],
      [x + w, horizon + 10],
    );
    x += w + rng.range(10, 80);
  }
  points.push([1000, horizon + 40]);
  fillPolygon(ctx, points, far);
  fillRect(ctx, 0, horizon + 10, 1000, 1000, sky.land);
}

function paintSkyline(
  ctx: SKRSContext2D,
  sky: Sky,
  horizon: number,
  contour: number[],
  rng: Random,
): void {
  let x = 0;
  while (x < 1000) {
    const w = rng.range(36, 90);
    const h = 30 + sampleAt(contour, x / 1000) ** 1.5 * 150 * rng.range(0.7, 1);
    fillRect(ctx, x, horizon - h, w - 4, h + 2, sky.land);
    x += w;
  }
}

function paintPeaks(
  ctx: SKRSContext2D,
  sky: Sky,
  horizon: number,
  contour: number[],
  rng: Random,
): void {
  const points: [number, number][] = [[0, horizon + 2]];
  for (let x = 0; x <= 1000; x += rng.range(60, 140)) {
    const h = 25 + sampleAt(contour, x / 1000) ** 1.5 * 140;
    points.push([x, horizon - h * rng.range(0.6, 1)], [x + 40, horizon - 10]);
  }
  points.push([1000, horizon + 2]);
  fillPolygon(ctx, points, sky.land);
}

function sunsetFaces(scene: Scene): FaceRequest[] {
  const genre = scene.reading.genre;
  if (genre === 'synthwave' || genre === 'pop' || genre === 'electronic') {
    return [faceOf('Unbounded', 800), faceOf('Inter', 800)];
  }
  return displayFaces(genre);
}

function sunsetText(scene: Scene, sky: Sky, skyBottom: number): TextSpec[] {
  const { input } = scene;
  const light = oklchHex(0.97, 0.03, 80);
  const plate = {
    kind: 'soft' as const,
    colors: [sky.top],
    padding: 0.4,
    radius: 30,
  };
  const hasArtist = input.artist.trim() !== '';
  // The title stays in the calm part of the sky, above the glow.
  const titleBottom = Math.min(370, Math.max(260, skyBottom));
  return [
    textSpec(
      'title',
      input.title,
      { x: 70, y: 80, w: 860, h: titleBottom - 80 - (hasArtist ? 60 : 0) },
      sunsetFaces(scene),
      {
        align: 'center',
        valign: 'top',
        maxSize: 120,
        maxLines: 4,
        lineHeight: 1.02,
        tracking: 0.02,
        colors: [light, sky.land],
        plate,
      },
    ),
    textSpec(
      'artist',
      input.artist,
      { x: 150, y: titleBottom - 44, w: 700, h: 40 },
      [faceOf('Inter', 500)],
      {
        align: 'center',
        maxSize: 26,
        tracking: 0.3,
        uppercase: true,
        colors: [light, sky.land],
        plate,
      },
    ),
  ];
}
