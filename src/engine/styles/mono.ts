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
};

type Gesture = 'disc' | 'ring' | 'bar';

/**
 * Almost nothing: one hue in two values, one gesture on a golden-section
 * line, a row of ticks counting the tempo, and small type with wide
 * margins. The energy contour is a single hairline, felt more than seen.
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

    const gesture = rng.pick<Gesture>(['disc', 'ring', 'bar']);
    const x = 250 + loudestMoment(reading.features.contour) * 500;
    drawGesture(
      ctx,
      gesture,
      x,
      rng.pick([330, 382]),
      mark,
      reading.features.energy,
    );
    drawHairline(ctx, reading.features.contour, ink);
    drawTicks(ctx, reading.features.bpm, ink);
    return monoText(scene, ground, ink, gesture);
  },
};

function drawGesture(
  ctx: SKRSContext2D,
  gesture: Gesture,
  x: number,
  y: number,
  color: string,
  energy: number,
): void {
  if (gesture === 'disc') fillCircle(ctx, x, y, 70 + energy * 110, color);
  if (gesture === 'bar')
    fillRect(ctx, x - 20, 110, 36 + energy * 40, 520, color);
  if (gesture === 'ring') {
    ctx.strokeStyle = color;
    ctx.lineWidth = 6;
    ctx.beginPath();
    ctx.arc(x, y, 120 + energy * 90, 0, Math.PI * 2);
    ctx.stroke();
  }
}

/** The contour as a 1.5-unit line, rising at most 40 units. */
function drawHairline(
  ctx: SKRSContext2D,
  contour: number[],
  ink: string,
): void {
  ctx.save();
  ctx.strokeStyle = ink;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  contour.forEach((level, i) => {
    const x = 90 + (i / (contour.length - 1)) * 820;
    const y = 700 - level * 40;
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
  gesture: Gesture,
): TextSpec[] {
  const { input, reading } = scene;
  const serif = isSerifGenre(reading.genre);
  const faces = serif
    ? [faceOf('Cormorant', 500), faceOf('Playfair', 400, true)]
    : [faceOf('Inter', 300), faceOf('Grotesk', 500)];
  const plate = { kind: 'box' as const, colors: [ground], padding: 0.2 };
  const titleTop = 740;
  return [
    textSpec(
      'title',
      input.title,
      { x: 90, y: titleTop, w: 560, h: 110 },
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
      { x: 90, y: 866, w: 460, h: 30 },
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
      { x: 90, y: 80, w: 400, h: 26 },
      monoFaces(),
      {
        maxSize: 16,
        colors: [ink],
        plate,
      },
    ),
  ];
}
