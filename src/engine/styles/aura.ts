import type { SKRSContext2D } from '@napi-rs/canvas';
import { oklchHex } from '../color/color.js';
import { lean, partnerOffset, tone, type Palette } from '../color/palette.js';
import { fillCircle, fillGlow, fillGround } from '../draw/shapes.js';
import { sampleAt } from '../reading/resample.js';
import { borrowCanvas } from '../reusable-canvas.js';
import {
  displayFaces,
  faceOf,
  isSerifGenre,
} from '../typography/genre-faces.js';
import type { Rect, TextSpec } from '../typography/text-spec.js';
import type { CoverStyle, Scene } from './style.js';
import { textSpec } from './text-specs.js';

const FIT: Record<string, number> = {
  ambient: 0.92,
  soul: 0.7,
  pop: 0.66,
  lofi: 0.55,
  electronic: 0.6,
  synthwave: 0.55,
  classical: 0.5,
  latin: 0.5,
  jazz: 0.45,
  kids: 0.4,
};

/**
 * Soft colour fields. Each glow sits where the energy contour puts it:
 * louder stretches make larger, brighter fields; the tempo adds faint
 * rings around the brightest one like ripples. Type is centred, light and
 * large, in the genre's serif or a thin grotesque.
 */
export const auraStyle: CoverStyle = {
  info: {
    id: 'aura',
    name: 'Gradient aura',
    description:
      'Overlapping soft glows placed by the energy contour, tempo ripples; centred light type.',
  },
  kind: 'soft',
  suitability: (reading) =>
    (FIT[reading.genre] ?? 0.3) +
    (reading.mood.words.includes('dreamy') ? 0.15 : 0),
  paint(scene) {
    const { ctx, reading, palette } = scene;
    const dark = palette.darkGround;
    const ground = palette.ground;
    const glows = placeGlows(scene);
    paintGlowLayer(ctx, glows, ground);
    const specs = auraText(scene, ground);
    const brightest = glows[0];
    if (brightest) {
      const line = dark ? '#ffffff' : palette.ink;
      const alpha = 0.12 + palette.contrast * 0.12;
      drawRipples(ctx, brightest, reading.features.bpm, line, alpha);
      drawOrbit(
        ctx,
        brightest,
        scene,
        specs.map((spec) => spec.box),
        line,
      );
    }
    return specs;
  },
};

/**
 * The glows are painted on a small canvas and scaled up. Skia dithers
 * gradients, and that per-pixel noise over a whole cover made PNGs several
 * times larger and slower to encode; a smoothed upscale has no noise and
 * looks the same, since the fields have no detail to lose.
 */
function paintGlowLayer(
  ctx: SKRSContext2D,
  glows: Glow[],
  ground: string,
): void {
  const { canvas: layer, ctx: lctx } = borrowCanvas('aura-glow', LAYER, LAYER);
  lctx.scale(LAYER / 1000, LAYER / 1000);
  fillGround(lctx, ground);
  // Plain painting, not screen or multiply: blending modes wash
  // overlapping glows to white or to brown and lose their colour.
  glows.forEach((g) =>
    fillGlow(lctx, g.x, g.y, g.r, g.color, g.alpha, g.fringe),
  );
  ctx.save();
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(layer, 0, 0, 1000, 1000);
  ctx.restore();
}

const LAYER = 200;

interface Glow {
  x: number;
  y: number;
  r: number;
  color: string;
  /** The colour it fades through; see `fringeTurn`. */
  fringe: string;
  alpha: number;
}

/**
 * One glow per stretch of the song, left to right in time: louder
 * stretches are larger and sit higher, so the light gathers where the
 * song peaks. Energy adds glows and pushes their colour and value away
 * from the ground.
 */
function placeGlows(scene: Scene): Glow[] {
  const { reading, palette } = scene;
  const rng = scene.rng.fork('glows');
  const count = 3 + Math.round(reading.features.energy * 3);
  const near = partnerOffset(palette, 0);
  // On light grounds glows stay pale: deep ones would read as stains.
  const depth = (level: number): number =>
    palette.darkGround ? 0.6 + level * 0.4 : 0.25 + level * 0.4;
  // Glows that overlap mix: neighbours mix into a third colour, opposites
  // into grey, so the partners come only a third of the way round, and
  // the full partner only for the fourth glow, which loud tracks reach.
  const offsets = [
    0,
    partnerOffset(palette, 0, 0.35),
    partnerOffset(palette, 1, 0.35),
    near,
    lean(palette, 30),
  ];
  const glows: Glow[] = [];
  for (let i = 0; i < count; i++) {
    const t = (i + 0.5) / count;
    const level = sampleAt(reading.features.contour, t);
    const offset = (offsets[i % offsets.length] ?? 0) + rng.range(-12, 12);
    const turn = fringeTurn(palette, offset);
    glows.push({
      x: 100 + t * 800 + rng.range(-50, 50),
      y: 160 + (1 - level) * 480 + rng.range(-60, 60),
      r: 200 + level * 340,
      color: tone(palette, depth(level), offset + turn * (1 - level), 1.35),
      fringe: tone(palette, depth(level) * 0.9, offset + turn, 1.35),
      alpha: 0.5 + level * 0.45,
    });
  }
  return glows.sort((a, b) => b.r - a.r);
}

/**
 * Over a dark ground a gold, amber or orange glow's dim shades are olive
 * and brown: it fades through rose instead, as the sky does round a rising
 * sun, and the quieter glows turn rose themselves, leaving the gold to
 * the loudest.
 */
function fringeTurn(palette: Palette, offset: number): number {
  if (!palette.darkGround) return 0;
  const hue = (((palette.hue + offset) % 360) + 360) % 360;
  return hue > 25 && hue < 125 ? -Math.min(50, hue - 5) : 0;
}

/**
 * A crisp orbit round the brightest field with one body on it, placed at
 * the loudest moment of the song (the contour's peak read as a clock).
 * The orbit breaks where the words go rather than running behind them.
 */
function drawOrbit(
  ctx: SKRSContext2D,
  glow: Glow,
  scene: Scene,
  keepClear: Rect[],
  line: string,
): void {
  const contour = scene.reading.features.contour;
  const peak = contour.indexOf(Math.max(...contour));
  const angle = (peak / contour.length) * Math.PI * 2 - Math.PI / 2;
  const r = glow.r * 0.5;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, 1000, 1000);
  keepClear.forEach((box) =>
    ctx.rect(box.x + box.w, box.y - 20, -box.w, box.h + 40),
  );
  ctx.clip('evenodd');
  ctx.strokeStyle = line;
  ctx.globalAlpha = 0.55;
  ctx.lineWidth = 2.2;
  ctx.beginPath();
  ctx.arc(glow.x, glow.y, r, 0, Math.PI * 2);
  ctx.stroke();
  ctx.globalAlpha = 1;
  fillCircle(
    ctx,
    glow.x + Math.cos(angle) * r,
    glow.y + Math.sin(angle) * r,
    9 + scene.reading.features.energy * 14,
    oklchHex(0.85, 0.14, scene.palette.hue + 180),
  );
  ctx.restore();
}

/** One ring per four beats a minute: 60 bpm draws 15, 160 draws 40. */
function drawRipples(
  ctx: SKRSContext2D,
  centre: Glow,
  bpm: number,
  color: string,
  alpha: number,
): void {
  const rings = Math.round(bpm / 4);
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 2.6;
  for (let i = 1; i <= rings; i++) {
    ctx.globalAlpha = alpha * (1 - i / (rings + 1));
    ctx.beginPath();
    ctx.arc(centre.x, centre.y, i * (900 / rings), 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.restore();
}

function auraText(scene: Scene, ground: string): TextSpec[] {
  const { input, reading } = scene;
  const serif = isSerifGenre(reading.genre) || reading.genre === 'ambient';
  const faces = serif
    ? [
        faceOf('Playfair', 400, true),
        faceOf('Cormorant', 500, true),
        ...displayFaces(reading.genre),
      ]
    : [faceOf('Grotesk', 500), faceOf('Inter', 300)];
  const ink = scene.palette.ink;
  const plate = {
    kind: 'soft' as const,
    colors: [ground],
    padding: 0.45,
    radius: 40,
  };
  const low = scene.variation % 2 === 0;
  const titleBox = low
    ? { x: 90, y: 600, w: 820, h: 230 }
    : { x: 90, y: 330, w: 820, h: 280 };
  return [
    textSpec('title', input.title, titleBox, faces, {
      align: 'center',
      valign: low ? 'bottom' : 'middle',
      maxSize: 112,
      maxLines: 4,
      lineHeight: 1.08,
      colors: [ink],
      plate,
    }),
    textSpec(
      'artist',
      input.artist,
      { x: 150, y: low ? 860 : 660, w: 700, h: 50 },
      [faceOf('Inter', 500)],
      {
        align: 'center',
        maxSize: 26,
        tracking: 0.28,
        uppercase: true,
        colors: [ink],
        plate,
      },
    ),
  ];
}
