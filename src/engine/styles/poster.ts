import type { SKRSContext2D } from '@napi-rs/canvas';
import { oklchHex } from '../color/color.js';
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
  punk: 0.92,
  bass: 0.85,
  metal: 0.8,
  industrial: 0.78,
  pop: 0.66,
  soul: 0.62,
  kids: 0.5,
  country: 0.5,
  electronic: 0.45,
  folk: 0.4,
};

interface PosterColors {
  field: string;
  lower: string;
  /** Legible on the lower field. */
  onLower: string;
  light: string;
  dark: string;
}

/**
 * A Swiss poster where the title is the picture: set as large as the width
 * allows in the genre's display face, over a split colour field. Under it
 * the song's energy contour runs as a bar code of 32 rules, and the figures
 * sit in a mono column like a concert bill.
 */
export const posterStyle: CoverStyle = {
  info: {
    id: 'poster',
    name: 'Type poster',
    description:
      'The title set huge in the genre face over a split field; the energy contour as a bar code; mono figures.',
  },
  kind: 'type',
  suitability: (reading) =>
    (FIT[reading.genre] ?? 0.3) + Math.max(0, reading.mood.arousal) * 0.15,
  paint(scene) {
    const { ctx, reading, rng } = scene;
    const colors = posterColors(scene);
    const split = Math.round(rng.range(0.66, 0.72) * 1000);
    const discR = 90 + reading.features.energy * 110;
    fillGround(ctx, colors.field);
    fillRect(ctx, 0, split, 1000, 1000 - split, colors.lower);
    drawDisc(ctx, scene, colors.lower, split, discR);
    drawContourCode(ctx, reading.features.contour, split, colors.onLower);
    return posterText(scene, split - discR - 28, split, colors);
  },
};

/**
 * A vivid field either dark enough for light type or light enough for dark
 * type: middle values pass neither at 4.5:1 and would force a plate.
 */
function posterColors(scene: Scene): PosterColors {
  const { reading, palette } = scene;
  const energy = reading.features.energy;
  const deep = energy > 0.55 || reading.mood.darkness > 0.45;
  const vivid = oklchHex(deep ? 0.47 : 0.8, 0.15 + energy * 0.06, palette.hue);
  const light = oklchHex(0.95, 0.02, palette.hue + 30);
  const dark = oklchHex(0.16, 0.04, palette.groundHue);
  const darkField = reading.mood.darkness > 0.6;
  const field = darkField ? dark : vivid;
  const lower = darkField ? vivid : light;
  const onLower = darkField && deep ? light : dark;
  return { field, lower, onLower, light, dark };
}

/** A disc, cut by the split line, sized by energy. */
function drawDisc(
  ctx: SKRSContext2D,
  scene: Scene,
  lower: string,
  split: number,
  r: number,
): void {
  const { rng, reading } = scene;
  const x = rng.chance(0.5) ? 760 : 240;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, 1000, split);
  ctx.clip();
  fillCircle(ctx, x, split, r, oklchHex(0.82, 0.16, reading.palette.hue + 60));
  ctx.restore();
  fillCircle(ctx, x, split, r * 0.18, lower);
}

/** The 32 contour values as vertical rules whose weight is the energy. */
function drawContourCode(
  ctx: SKRSContext2D,
  contour: number[],
  split: number,
  ink: string,
): void {
  const step = 520 / contour.length;
  contour.forEach((level, i) => {
    fillRect(ctx, 60 + i * step, split + 40, 1.5 + level * (step - 3), 70, ink);
  });
}

function posterText(
  scene: Scene,
  titleBottom: number,
  split: number,
  colors: PosterColors,
): TextSpec[] {
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
    maxSize: 30,
    colors: [colors.onLower],
    plate: onLower,
  };
  return [
    textSpec(
      'title',
      input.title,
      { x: 60, y: 70, w: 880, h: titleBottom - 70 },
      displayFaces(reading.genre),
      {
        maxSize: 300,
        maxLines: 5,
        lineHeight: serif ? 1.0 : 0.92,
        uppercase: !serif,
        linePenalty: 0.01,
        colors: [colors.light, colors.dark],
        plate: onField,
      },
    ),
    textSpec(
      'artist',
      input.artist,
      { x: 60, y: split + 130, w: 520, h: 60 },
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
      { x: 640, y: split + 40, w: 300, h: 40 },
      monoFaces(700),
      small,
    ),
    textSpec(
      'label',
      facts[1] ?? '',
      { x: 640, y: split + 90, w: 300, h: 40 },
      monoFaces(700),
      small,
    ),
  ];
}
