import type { SKRSContext2D } from '@napi-rs/canvas';
import { oklchHex } from '../color/color.js';
import { tone } from '../color/palette.js';
import { loudestMoment } from '../reading/loudest-moment.js';
import { fillCircle, fillGround, fillRect } from '../draw/shapes.js';
import { faceOf, isSerifGenre, monoFaces } from '../typography/genre-faces.js';
import type { TextSpec } from '../typography/text-spec.js';
import type { CoverStyle, Scene } from './style.js';
import { textSpec } from './text-specs.js';
import { factsCaption } from '../reading/track-facts.js';

const FIT: Record<string, number> = {
  classical: 0.9,
  ambient: 0.68,
  jazz: 0.62,
  unknown: 0.85,
  lofi: 0.5,
  folk: 0.45,
  electronic: 0.45,
  soul: 0.35,
  // Stark: one hard shape on a cold field.
  industrial: 0.42,
};

type Gesture = 'disc' | 'ring' | 'bar' | 'square' | 'arc' | 'twin';
const GESTURES: readonly Gesture[] = [
  'disc',
  'ring',
  'bar',
  'square',
  'arc',
  'twin',
];

/**
 * Where things sit: the title low under the gesture, or hung from the
 * top with the gesture below it. Units of the 1000-unit cover.
 */
interface Frame {
  /** The hairline's resting height. */
  horizon: number;
  /** Heights the gesture's middle may take. */
  centres: readonly number[];
  /** The bar's top and length. */
  barTop: number;
  barLength: number;
  titleTop: number;
  artistTop: number;
  labelTop: number;
}

const FRAMES: Record<'low' | 'high', Frame> = {
  low: {
    horizon: 700,
    centres: [330, 382],
    barTop: 110,
    barLength: 520,
    titleTop: 740,
    artistTop: 866,
    labelTop: 80,
  },
  high: {
    horizon: 820,
    centres: [560, 600],
    barTop: 320,
    barLength: 440,
    titleTop: 90,
    artistTop: 216,
    labelTop: 884,
  },
};

/**
 * Almost nothing: one hue in two values, one gesture (a disc, a ring, a
 * bar, a square, an arc standing on the horizon or two discs) at the
 * song's loudest moment, a row of ticks counting the tempo, and small
 * type with wide margins, under the gesture or hung above it. The energy
 * contour is a single hairline, felt more than seen.
 */
export const monoStyle: CoverStyle = {
  info: {
    id: 'mono',
    name: 'Minimal mono',
    description:
      'One hue in two values, a single gesture, tempo ticks and a contour hairline; small type, wide margins.',
  },
  kind: 'minimal',
  suitability: (reading) =>
    (FIT[reading.genre] ?? 0.25) + Math.max(0, -reading.mood.arousal) * 0.2,
  paint(scene) {
    const { ctx, reading, palette, rng } = scene;
    // One hue, laid as a full field of colour: a minimal cover is a
    // colour first, and two tracks never share a grey.
    const ground = oklchHex(
      palette.value,
      palette.darkGround
        ? palette.groundChroma * 1.2
        : Math.max(0.05, palette.chroma * 0.45),
      palette.fieldHue,
    );
    const ink = palette.ink;
    const mark = tone(palette, 1, 0, 1.2);
    fillGround(ctx, ground);

    const gesture = rng.pick(GESTURES);
    const frame = FRAMES[rng.chance(0.5) ? 'low' : 'high'];
    const x = 250 + loudestMoment(reading.features.contour) * 500;
    const y = rng.pick(frame.centres);
    drawGesture(ctx, gesture, { x, y, frame }, mark, reading.features.energy);
    drawHairline(ctx, reading.features.contour, frame.horizon, ink);
    drawTicks(ctx, reading.features.bpm, ink);
    return monoText(scene, ground, ink, frame);
  },
};

function drawGesture(
  ctx: SKRSContext2D,
  gesture: Gesture,
  { x, y, frame }: { x: number; y: number; frame: Frame },
  color: string,
  energy: number,
): void {
  const r = 70 + energy * 110;
  if (gesture === 'disc') fillCircle(ctx, x, y, r, color);
  if (gesture === 'twin') {
    // The loud moment and its echo across the cover, smaller.
    const echo = x < 500 ? x + 380 : x - 380;
    fillCircle(ctx, x, y, r * 0.8, color);
    fillCircle(ctx, echo, y + r * 0.5, r * 0.36, color);
  }
  if (gesture === 'square') {
    const side = r * 1.6;
    fillRect(ctx, x - side / 2, y - side / 2, side, side, color);
  }
  if (gesture === 'bar') {
    fillRect(
      ctx,
      x - 20,
      frame.barTop,
      36 + energy * 40,
      frame.barLength,
      color,
    );
  }
  if (gesture === 'ring' || gesture === 'arc') {
    ctx.strokeStyle = color;
    ctx.lineWidth = 6;
    ctx.beginPath();
    if (gesture === 'ring') ctx.arc(x, y, 120 + energy * 90, 0, Math.PI * 2);
    // An arc stands on the horizon, as wide as the song is loud.
    else ctx.arc(x, frame.horizon - 24, 110 + energy * 120, Math.PI, 0);
    ctx.stroke();
  }
}

/** The contour as a 1.5-unit line, rising at most 40 units. */
function drawHairline(
  ctx: SKRSContext2D,
  contour: number[],
  horizon: number,
  ink: string,
): void {
  ctx.save();
  ctx.strokeStyle = ink;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  contour.forEach((level, i) => {
    const x = 90 + (i / (contour.length - 1)) * 820;
    const y = horizon - level * 40;
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.stroke();
  ctx.restore();
}

/**
 * A ruler along the bottom edge, one tick per five beats a minute over a
 * fixed span: slow songs draw a sparse ruler, fast ones a dense one.
 */
function drawTicks(ctx: SKRSContext2D, bpm: number, ink: string): void {
  const count = Math.round(Math.min(40, Math.max(10, bpm / 5)));
  const step = 330 / (count - 1);
  for (let i = 0; i < count; i++)
    fillRect(ctx, 910 - i * step, 890, 2, i % 4 === 0 ? 22 : 12, ink);
}

function monoText(
  scene: Scene,
  ground: string,
  ink: string,
  frame: Frame,
): TextSpec[] {
  const { input, reading } = scene;
  const serif = isSerifGenre(reading.genre);
  const faces = serif
    ? [faceOf('Cormorant', 500), faceOf('Playfair', 400, true)]
    : [faceOf('Inter', 300), faceOf('Grotesk', 500)];
  const plate = { kind: 'box' as const, colors: [ground], padding: 0.2 };
  return [
    textSpec(
      'title',
      input.title,
      { x: 90, y: frame.titleTop, w: 560, h: 110 },
      faces,
      {
        maxSize: 64,
        maxLines: 3,
        lineHeight: 1.1,
        colors: [ink],
        plate,
      },
    ),
    textSpec(
      'artist',
      input.artist,
      { x: 90, y: frame.artistTop, w: 460, h: 30 },
      [faceOf('Inter', 500)],
      {
        maxSize: 20,
        tracking: 0.2,
        uppercase: true,
        colors: [ink],
        plate,
      },
    ),
    textSpec(
      'label',
      factsCaption(reading.facts),
      { x: 90, y: frame.labelTop, w: 400, h: 26 },
      monoFaces(),
      {
        maxSize: 16,
        colors: [ink],
        plate,
      },
    ),
  ];
}
