import type { SKRSContext2D } from '@napi-rs/canvas';
import { mixHex, oklchHex } from '../color/color.js';
import { fillGround, fillRect } from '../draw/shapes.js';
import { sampleAt } from '../reading/resample.js';
import type { TrackReading } from '../reading/read-track.js';
import { faceOf, monoFaces } from '../typography/genre-faces.js';
import type { TextSpec } from '../typography/text-spec.js';
import type { CoverStyle, Scene } from './style.js';
import { textSpec } from './text-specs.js';
import { factsCaption } from '../reading/track-facts.js';

const FIT: Record<string, number> = {
  electronic: 0.9,
  ambient: 0.82,
  industrial: 0.85,
  bass: 0.88,
  synthwave: 0.75,
  world: 0.7,
  country: 0.65,
  classical: 0.65,
  pop: 0.65,
};

/**
 * The track drawn as itself: its 128 waveform peaks as mirrored bars (or a
 * ring of them), coloured along time by the energy contour, with the 32
 * spectrum bands as a small histogram. It only suits a track with measured
 * audio; without audio it draws the text-derived stand-ins, and the chooser
 * never offers it.
 */
export const waveformStyle: CoverStyle = {
  info: {
    id: 'waveform',
    name: 'Waveform',
    description:
      "The track's own waveform as mirrored bars or a ring, spectrum histogram; technical mono type.",
  },
  kind: 'data',
  suitability: (reading) =>
    reading.features.fromAudio ? (FIT[reading.genre] ?? 0.6) + 0.1 : 0,
  paint(scene) {
    const { ctx, reading, palette } = scene;
    const ground = oklchHex(
      0.14 + reading.features.brightness * 0.08,
      0.05,
      palette.groundHue,
    );
    const hot = oklchHex(
      0.78,
      0.1 + reading.features.energy * 0.1,
      palette.hue + 20,
    );
    const cool = oklchHex(0.62, 0.12, palette.hue + 160);
    fillGround(ctx, ground);
    const ring = (reading.seed + scene.variation) % 2 === 1;
    if (ring) drawRing(ctx, reading, hot, cool);
    else drawBars(ctx, reading, hot, cool);
    drawSpectrum(
      ctx,
      reading.features.spectrum,
      mixHex(hot, ground, 0.35),
      ring,
    );
    return waveformText(scene, ground, ring);
  },
};

function barColor(
  reading: TrackReading,
  t: number,
  hot: string,
  cool: string,
): string {
  return mixHex(cool, hot, sampleAt(reading.features.contour, t));
}

function drawBars(
  ctx: SKRSContext2D,
  reading: TrackReading,
  hot: string,
  cool: string,
): void {
  const wave = reading.features.waveform;
  const step = 880 / wave.length;
  const mid = 500;
  wave.forEach((peak, i) => {
    const h = 6 + peak * 230;
    fillRect(
      ctx,
      60 + i * step,
      mid - h,
      step * 0.62,
      h * 2,
      barColor(reading, i / wave.length, hot, cool),
    );
  });
  fillRect(ctx, 60, mid - 1, 880, 2, hot);
}

function drawRing(
  ctx: SKRSContext2D,
  reading: TrackReading,
  hot: string,
  cool: string,
): void {
  const wave = reading.features.waveform;
  const cx = 500;
  const cy = 470;
  ctx.save();
  ctx.lineCap = 'round';
  ctx.lineWidth = 5;
  wave.forEach((peak, i) => {
    const a = (i / wave.length) * Math.PI * 2 - Math.PI / 2;
    const r0 = 150;
    const r1 = r0 + 12 + peak * 150;
    ctx.strokeStyle = barColor(reading, i / wave.length, hot, cool);
    ctx.beginPath();
    ctx.moveTo(cx + Math.cos(a) * r0, cy + Math.sin(a) * r0);
    ctx.lineTo(cx + Math.cos(a) * r1, cy + Math.sin(a) * r1);
    ctx.stroke();
  });
  ctx.restore();
}

function drawSpectrum(
  ctx: SKRSContext2D,
  spectrum: number[],
  color: string,
  ring: boolean,
): void {
  const x = ring ? 600 : 640;
  const base = ring ? 930 : 880;
  const maxH = ring ? 60 : 90;
  const step = 300 / spectrum.length;
  spectrum.forEach((band, i) => {
    fillRect(
      ctx,
      x + i * step,
      base - 6 - band * maxH,
      step * 0.7,
      6 + band * maxH,
      color,
    );
  });
}

function waveformText(scene: Scene, ground: string, ring: boolean): TextSpec[] {
  const { input, reading } = scene;
  const ink = oklchHex(0.96, 0.01, reading.palette.hue);
  const plate = { kind: 'box' as const, colors: [ground], padding: 0.2 };
  const faces = [faceOf('Grotesk', 700), faceOf('Inter', 800)];
  const titleBox = ring
    ? { x: 60, y: 64, w: 880, h: 120 }
    : { x: 60, y: 70, w: 700, h: 170 };
  const facts = reading.facts;
  const meta = [factsCaption(facts), facts.duration]
    .filter((part) => part)
    .join(' · ');
  return [
    textSpec('title', input.title, titleBox, faces, {
      align: ring ? 'center' : 'left',
      maxSize: ring ? 84 : 96,
      maxLines: ring ? 2 : 3,
      lineHeight: 1.0,
      colors: [ink],
      plate,
    }),
    textSpec(
      'artist',
      input.artist,
      ring
        ? { x: 60, y: 840, w: 480, h: 40 }
        : { x: 60, y: 800, w: 520, h: 44 },
      [faceOf('Inter', 500)],
      {
        maxSize: 30,
        colors: [ink],
        plate,
      },
    ),
    textSpec(
      'label',
      meta,
      ring
        ? { x: 60, y: 890, w: 480, h: 36 }
        : { x: 60, y: 852, w: 520, h: 36 },
      monoFaces(),
      {
        maxSize: 22,
        colors: [ink],
        plate,
      },
    ),
  ];
}
