import type { SKRSContext2D } from '@napi-rs/canvas';
import { oklchHex } from '../color/color.js';
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
    const nocturne = reading.motifs.some((m) => m === 'moon' || m === 'night');
    const dark =
      nocturne ||
      reading.features.brightness < 0.42 ||
      reading.mood.darkness > 0.5;
    // Grounds carry enough of the hue that two tracks never share a grey.
    const value = reading.features.brightness;
    const ground = dark
      ? oklchHex(0.14 + value * 0.14, 0.05, palette.groundHue)
      : oklchHex(0.89 + value * 0.07, 0.035, palette.hue);
    const ink = dark
      ? oklchHex(0.92, 0.03, palette.hue)
      : oklchHex(0.22, 0.04, palette.hue);
    const mark = oklchHex(
      dark ? 0.7 : 0.6,
      0.09 + reading.features.energy * 0.1,
      palette.hue,
    );
    fillGround(ctx, ground);

    const gesture = rng.pick<Gesture>(['disc', 'ring', 'bar']);
    const x = rng.pick([382, 500, 618]);
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

/** One tick per ten beats a minute, right-aligned along the bottom edge. */
function drawTicks(ctx: SKRSContext2D, bpm: number, ink: string): void {
  const count = Math.round(bpm / 10);
  for (let i = 0; i < count; i++)
    fillRect(ctx, 910 - i * 12, 890, 2, i % 4 === 0 ? 22 : 12, ink);
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
