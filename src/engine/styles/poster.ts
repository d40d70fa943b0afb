import type { SKRSContext2D } from '@napi-rs/canvas';
import { mixHex, oklchHex } from '../color/color.js';
import { partnerOffset, tone, type Palette } from '../color/palette.js';
import { loudestMoment } from '../reading/loudest-moment.js';
import { sampleAt, smooth } from '../reading/resample.js';
import type { TrackFeatures } from '../reading/track-features.js';
import { fillCircle, fillGround, fillRect } from '../draw/shapes.js';
import {
  displayFaces,
  faceOf,
  isSerifGenre,
  monoFaces,
} from '../typography/genre-faces.js';
import type { TextSpec } from '../typography/text-spec.js';
import type { CoverStyle, Scene } from './style.js';
import { textSpec } from './text-specs.js';
import { factLines } from '../reading/track-facts.js';

const FIT: Record<string, number> = {
  punk: 0.8,
  bass: 0.78,
  metal: 0.72,
  industrial: 0.66,
  pop: 0.5,
  soul: 0.45,
  kids: 0.35,
  country: 0.4,
  electronic: 0.4,
  folk: 0.35,
};

interface PosterColors {
  field: string;
  disc: string;
  lower: string;
  /** Legible on the lower field. */
  onLower: string;
  light: string;
  dark: string;
}

/**
 * A Swiss poster where the title is the picture: set as large as the field
 * allows in the genre's display face. A band across the foot or the head
 * carries a bar code of beats weighted by the energy contour and the
 * figures in a mono column like a concert bill; a disc sized by energy
 * rises from the band, or hangs from it, at the song's loudest moment.
 */
export const posterStyle: CoverStyle = {
  info: {
    id: 'poster',
    name: 'Type poster',
    description:
      'The title set huge in the genre face; a band with a beat bar code and mono figures; a disc at the loudest moment.',
  },
  kind: 'type',
  suitability: (reading) =>
    (FIT[reading.genre] ?? 0.3) + Math.max(0, reading.mood.arousal) * 0.08,
  paint(scene) {
    const { ctx, reading, rng } = scene;
    const colors = posterColors(scene);
    const layout = posterLayout(scene, rng.range(0.28, 0.34));
    const discR = 90 + reading.features.energy * 110;
    fillGround(ctx, colors.field);
    fillRect(ctx, 0, layout.bandTop, 1000, layout.bandHeight, colors.lower);
    drawDisc(ctx, scene, colors, layout, discR);
    const codeTop = layout.bandTop + (layout.hanging ? 30 : 0);
    drawBeatCode(ctx, reading.features, codeTop, colors.onLower);
    return posterText(scene, layout, discR, colors);
  },
};

/**
 * Two compositions, chosen by the track and walked by the variation: the
 * title over a band at the foot with the disc rising from it, or a band
 * at the head with the disc hanging from it and the title at the foot.
 * The disc takes one of three forms: one solid disc, concentric rings
 * (one per 30 beats a minute), or a disc at each of the song's loudest
 * moments, sized by how loud each is.
 */
type DiscForm = 'disc' | 'rings' | 'moons';
const DISC_FORMS: readonly DiscForm[] = ['disc', 'rings', 'moons'];

interface PosterLayout {
  hanging: boolean;
  form: DiscForm;
  bandTop: number;
  bandHeight: number;
  /** The line between field and band, where the disc sits. */
  edge: number;
}

function posterLayout(scene: Scene, bandShare: number): PosterLayout {
  const { seed } = scene.reading;
  const hanging = (seed + scene.variation) % 2 === 1;
  // The form walks with the variation too, out of step with the band.
  const form = DISC_FORMS[(Math.floor(seed / 2) + scene.variation) % 3];
  const bandHeight = Math.round(bandShare * 1000);
  const bandTop = hanging ? 0 : 1000 - bandHeight;
  const edge = hanging ? bandHeight : bandTop;
  return { hanging, form: form ?? 'disc', bandTop, bandHeight, edge };
}

/**
 * A vivid field, dark for dark tracks and light for bright ones (its value
 * follows the palette's), over a pale lower band; a dark field gets a
 * lit band below instead. Middle values would pass neither light nor dark
 * type at 4.5:1 (and a middle orange is brown), so the field and the band
 * keep out of them.
 */
function posterColors(scene: Scene): PosterColors {
  const { palette } = scene;
  const v = palette.value;
  const fieldL = palette.darkGround
    ? 0.12 + (v - 0.12) * 0.9
    : 0.6 + (v - 0.76) * 1.3;
  // A deep field takes the palette's ground hue and as much chroma as the
  // ground has (a steel or black ground stays grey).
  const field = palette.darkGround
    ? oklchHex(fieldL, palette.groundChroma * 1.33, palette.groundHue)
    : oklchHex(fieldL, Math.max(0.06, palette.chroma), palette.hue);
  const light = oklchHex(0.95, 0.02, palette.hue + 30);
  const dark = oklchHex(0.16, 0.04, palette.groundHue);
  const lower = palette.darkGround ? litBand(palette) : light;
  const onLower = palette.darkGround ? dark : oklchHex(0.2, 0.04, palette.hue);
  const disc = tone(palette, 0.9, partnerOffset(palette, 0, 0.5), 1.2);
  return { field, lower, onLower, light, dark, disc };
}

/**
 * The band under a dark field, lit in the palette's hue: light enough for
 * dark type, and lighter and more vivid the more energy the track has.
 */
function litBand(palette: Palette): string {
  const l = 0.66 + 0.14 * palette.contrast;
  return oklchHex(l, Math.max(0.06, palette.chroma * 1.1), palette.hue);
}

/**
 * A disc cut by the band's edge, sized by energy, at the loudest moment of
 * the song (time runs left to right): rising from the band, or hanging.
 */
function drawDisc(
  ctx: SKRSContext2D,
  scene: Scene,
  colors: PosterColors,
  layout: PosterLayout,
  r: number,
): void {
  const { features } = scene.reading;
  const x = 150 + loudestMoment(features.contour) * 700;
  const { edge } = layout;
  ctx.save();
  ctx.beginPath();
  if (layout.hanging) ctx.rect(0, edge, 1000, 1000 - edge);
  else ctx.rect(0, 0, 1000, edge);
  ctx.clip();
  if (layout.form === 'moons')
    drawMoons(ctx, features.contour, edge, r, colors);
  fillCircle(ctx, x, edge, r, colors.disc);
  if (layout.form === 'rings') drawRings(ctx, x, edge, r, features.bpm, colors);
  ctx.restore();
  fillCircle(ctx, x, edge, r * 0.18, colors.lower);
}

/** Rings cut into the disc, one per 30 beats a minute (three to six). */
function drawRings(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  r: number,
  bpm: number,
  colors: PosterColors,
): void {
  const rings = Math.min(6, Math.max(3, Math.round(bpm / 30)));
  const step = (r * 0.82) / rings;
  ctx.strokeStyle = colors.field;
  ctx.lineWidth = step * 0.38;
  for (let k = 1; k <= rings; k++) {
    ctx.beginPath();
    ctx.arc(x, y, r - step * k + step * 0.5, 0, Math.PI * 2);
    ctx.stroke();
  }
}

/**
 * Smaller discs at the song's other loud moments (up to two, apart from
 * the loudest and from each other), each as large as the song is loud
 * there, in a colour between the disc's and the field's.
 */
function drawMoons(
  ctx: SKRSContext2D,
  contour: readonly number[],
  edge: number,
  r: number,
  colors: PosterColors,
): void {
  const peaks = loudMoments(contour);
  const top = peaks[0]?.level ?? 1;
  const colour = mixHex(colors.disc, colors.field, 0.45);
  for (const peak of peaks.slice(1)) {
    const size = r * (0.35 + 0.45 * (peak.level / Math.max(top, 1e-6)));
    fillCircle(ctx, 150 + peak.at * 700, edge, size, colour);
  }
}

/** The contour's local peaks, loudest first, at least a fifth apart. */
function loudMoments(
  contour: readonly number[],
): { at: number; level: number }[] {
  const smoothed = smooth(contour, 2);
  const last = smoothed.length - 1;
  const peaks = smoothed
    .map((level, i) => ({ at: last > 0 ? i / last : 0.5, level, i }))
    .filter(
      ({ level, i }) =>
        level >= (smoothed[i - 1] ?? -1) && level >= (smoothed[i + 1] ?? -1),
    )
    .sort((a, b) => b.level - a.level);
  const kept: { at: number; level: number }[] = [];
  for (const peak of peaks) {
    if (kept.length === 3) break;
    if (kept.every((k) => Math.abs(k.at - peak.at) >= 0.2)) kept.push(peak);
  }
  return kept;
}

/**
 * A bar code with one rule per three beats a minute (faster songs print
 * finer codes), each as heavy as the song's energy at its moment.
 */
function drawBeatCode(
  ctx: SKRSContext2D,
  features: TrackFeatures,
  bandTop: number,
  ink: string,
): void {
  const rules = Math.round(Math.min(60, Math.max(18, features.bpm / 3)));
  const step = 520 / rules;
  for (let i = 0; i < rules; i++) {
    const level = sampleAt(features.contour, (i + 0.5) / rules);
    const weight = 1.2 + level * (step * 0.8 - 1.2);
    fillRect(ctx, 60 + i * step, bandTop + 40, weight, 70, ink);
  }
}

function posterText(
  scene: Scene,
  layout: PosterLayout,
  discR: number,
  colors: PosterColors,
): TextSpec[] {
  // The band's contents keep clear of the cover's edge on either side.
  const band = layout.hanging ? layout.bandTop + 30 : layout.bandTop;
  // The title fills the field clear of the disc.
  const titleTop = layout.hanging ? layout.edge + discR + 28 : 70;
  const titleBottom = layout.hanging ? 930 : layout.edge - discR - 28;
  const titleBox = { x: 60, y: titleTop, w: 880, h: titleBottom - titleTop };
  const { input, reading } = scene;
  const serif = isSerifGenre(reading.genre);
  const facts = factLines(reading.facts, 2);
  const onField = {
    kind: 'box' as const,
    colors: [colors.field],
    padding: 0.2,
  };
  const onLower = {
    kind: 'box' as const,
    colors: [colors.lower],
    padding: 0.2,
  };
  const small = {
    align: 'right' as const,
    anchored: true,
    maxSize: 30,
    colors: [colors.onLower],
    plate: onLower,
  };
  return [
    textSpec('title', input.title, titleBox, displayFaces(reading.genre), {
      valign: layout.hanging ? 'bottom' : 'top',
      maxSize: 300,
      maxLines: 5,
      lineHeight: serif ? 1.0 : 0.92,
      uppercase: !serif,
      linePenalty: 0.01,
      colors: [colors.light, colors.dark],
      plate: onField,
    }),
    textSpec(
      'artist',
      input.artist,
      { x: 60, y: band + 130, w: 520, h: 60 },
      [faceOf('Inter', 800)],
      {
        maxSize: 40,
        colors: [colors.onLower],
        plate: onLower,
      },
    ),
    textSpec(
      'label',
      facts[0] ?? '',
      { x: 640, y: band + 40, w: 300, h: 40 },
      monoFaces(700),
      small,
    ),
    textSpec(
      'label',
      facts[1] ?? '',
      { x: 640, y: band + 90, w: 300, h: 40 },
      monoFaces(700),
      small,
    ),
  ];
}
