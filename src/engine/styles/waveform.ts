import type { SKRSContext2D } from '@napi-rs/canvas';
import { mixHex, oklchHex } from '../color/color.js';
import { lean, partnerOffset, tone, type Palette } from '../color/palette.js';
import type { TrackFeatures } from '../reading/track-features.js';
import { fillGround, fillRect } from '../draw/shapes.js';
import { sampleAt } from '../reading/resample.js';
import type { TrackReading } from '../reading/read-track.js';
import { faceOf, monoFaces } from '../typography/genre-faces.js';
import type { TextSpec } from '../typography/text-spec.js';
import type { CoverStyle, Scene } from './style.js';
import { textSpec } from './text-specs.js';
import { factsCaption } from '../reading/track-facts.js';

type WaveForm = 'bars' | 'ring' | 'rising';
const WAVE_FORMS: readonly WaveForm[] = ['bars', 'ring', 'rising'];

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
    const ground = screenGround(palette);
    const hot = tone(palette, 1, lean(palette, 18), 1.3);
    const cool = tone(palette, 0.7, partnerOffset(palette, 1, 0.5), 0.9);
    fillGround(ctx, ground);
    // Mirrored bars, a ring, or bars rising from a floor: the track's
    // choice, walked by the variation.
    const form = WAVE_FORMS[(reading.seed + scene.variation) % 3] ?? 'bars';
    const ring = form === 'ring';
    const peaks = beatPeaks(reading.features);
    if (ring) drawRing(ctx, reading, peaks, hot, cool);
    else drawBars(ctx, reading, peaks, { hot, cool }, form === 'rising');
    drawSpectrum(
      ctx,
      reading.features.spectrum,
      mixHex(hot, ground, 0.35),
      ring,
    );
    return waveformText(scene, ground, ring);
  },
};

/**
 * A dark screen for dark tracks, deeper and greyer than the palette's
 * ground so the data glows on it; a printed sheet for bright ones. Its
 * value still follows the palette's.
 */
function screenGround(palette: Palette): string {
  if (!palette.darkGround) return palette.ground;
  const l = 0.08 + (palette.value - 0.12) * 0.6;
  const chroma = Math.min(0.05, palette.groundChroma * 0.55);
  return oklchHex(l, chroma, palette.groundHue);
}

/**
 * One bar per beat of a 30-second stretch (60 bpm draws 30 bars, 180
 * draws 90), each the loudest of the waveform peaks it covers. Bars are
 * drawn mostly relative to the track's own loudest peak, so a quiet
 * recording still fills the picture, and a quarter absolute, so it still
 * draws a little smaller than a loud one.
 */
function beatPeaks(features: TrackFeatures): number[] {
  const wave = features.waveform;
  const count = Math.round(Math.min(96, Math.max(24, features.bpm / 2)));
  const loudest = Math.max(0.05, ...wave);
  return Array.from({ length: count }, (_, i) => {
    const from = Math.floor((i / count) * wave.length);
    const to = Math.max(from + 1, Math.floor(((i + 1) / count) * wave.length));
    const peak = Math.max(...wave.slice(from, to));
    return 0.25 * peak + 0.75 * (peak / loudest);
  });
}

/**
 * Loud stretches of the song glow hot and quiet ones stay cool and dim;
 * a bar's own peak adds to its glow, so a loud hit flares.
 */
function barColor(
  reading: TrackReading,
  t: number,
  peak: number,
  hot: string,
  cool: string,
): string {
  const level = sampleAt(reading.features.contour, t);
  return mixHex(cool, hot, Math.min(1, 0.7 * level + 0.5 * peak));
}

/**
 * Bars mirrored about the middle line, or rising from a floor under the
 * title like a skyline of the song (twice as tall, one-sided).
 */
function drawBars(
  ctx: SKRSContext2D,
  reading: TrackReading,
  peaks: number[],
  colours: { hot: string; cool: string },
  rising: boolean,
): void {
  const { hot, cool } = colours;
  const step = 880 / peaks.length;
  const base = rising ? 720 : 500;
  peaks.forEach((peak, i) => {
    const h = 6 + peak * 230;
    const colour = barColor(reading, (i + 0.5) / peaks.length, peak, hot, cool);
    const x = 60 + i * step;
    if (rising) fillRect(ctx, x, base - h * 2, step * 0.62, h * 2, colour);
    else fillRect(ctx, x, base - h, step * 0.62, h * 2, colour);
  });
  fillRect(ctx, 60, base - 1, 880, rising ? 4 : 2, hot);
}

function drawRing(
  ctx: SKRSContext2D,
  reading: TrackReading,
  peaks: number[],
  hot: string,
  cool: string,
): void {
  const cx = 500;
  const cy = 500;
  ctx.save();
  ctx.lineCap = 'round';
  ctx.lineWidth = Math.min(9, 560 / peaks.length);
  peaks.forEach((peak, i) => {
    // Time runs clockwise from the bottom, so the first half of the song
    // is on the left and the second on the right, as in the bar layout.
    const a = ((i + 0.5) / peaks.length) * Math.PI * 2 + Math.PI / 2;
    const r0 = 130;
    const r1 = r0 + 10 + peak * 165;
    ctx.strokeStyle = barColor(
      reading,
      (i + 0.5) / peaks.length,
      peak,
      hot,
      cool,
    );
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
  const ink = scene.palette.ink;
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
