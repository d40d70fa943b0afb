import type { SKRSContext2D } from '@napi-rs/canvas';
import { oklchHex, withAlpha } from '../color/color.js';
import { harmonyOffsets, lean, tone, type Palette } from '../color/palette.js';
import { loudestMoment } from '../reading/loudest-moment.js';
import { drawMotifGlyph } from '../draw/motif-glyphs.js';
import { fillCircle, fillGround, fillPolygon } from '../draw/shapes.js';
import { rotate, tornRect } from '../draw/torn-paper.js';
import type { Random } from '../random.js';
import { leadMotif } from '../reading/lead-motif.js';
import { sampleAt } from '../reading/resample.js';
import type { TrackReading } from '../reading/read-track.js';
import { displayFaces, faceOf, monoFaces } from '../typography/genre-faces.js';
import type { Rect, TextSpec } from '../typography/text-spec.js';
import type { CoverStyle, Scene } from './style.js';
import { textSpec } from './text-specs.js';

const FIT: Record<string, number> = {
  lofi: 0.72,
  punk: 0.72,
  kids: 0.8,
  folk: 0.55,
  pop: 0.6,
  soul: 0.6,
  jazz: 0.6,
  latin: 0.55,
  world: 0.55,
  country: 0.45,
  // Xeroxed, torn and taped: the zines of industrial and metal.
  industrial: 0.5,
  metal: 0.45,
};
const LABEL_PAPER = '#fbf8f1';

type Layout = 'sheet' | 'split' | 'window';

interface Papers {
  ground: string;
  /** The main sheet, in the base hue. */
  sheet: string;
  /** A neighbour of the sheet, for a second large sheet. */
  neighbour: string;
  /** The partner colour, for strips and small cut-outs. */
  second: string;
  ink: string;
  /** Halftone ink, and a fainter one for printing over a sheet. */
  dots: string;
  faintDots: string;
}

/**
 * Cut paper: torn coloured sheets, a halftone field that grows heavier
 * where the energy contour is loud, strips cut to the tempo, tape, the
 * track's motif cut out as a silhouette, and the title typed on a torn
 * label. Three layouts keep tracks of one genre apart.
 */
export const collageStyle: CoverStyle = {
  info: {
    id: 'collage',
    name: 'Paper collage',
    description:
      'Torn sheets, halftone, tempo-cut strips, tape and a cut-out motif; the title typed on a torn label.',
  },
  kind: 'texture',
  suitability: (reading) => FIT[reading.genre] ?? 0.3,
  paint(scene) {
    const { ctx, reading, palette, rng } = scene;
    const papers = collagePapers(palette, rng);
    fillGround(ctx, papers.ground);
    const layout = rng.pick<Layout>(['sheet', 'split', 'window']);
    if (layout === 'sheet') paintSheet(ctx, reading, papers, rng);
    if (layout === 'split') paintSplit(ctx, reading, papers, rng);
    if (layout === 'window') paintWindow(ctx, reading, papers, rng);
    paintTape(ctx, rng, layout);
    const label = labelRect(scene, layout);
    fillPolygon(
      ctx,
      tornRect(
        label.x - 24,
        label.y - 22,
        label.w + 48,
        label.h + 44,
        rng.range(-0.025, 0.025),
        rng,
        4,
      ),
      LABEL_PAPER,
    );
    // The label is always pale paper, so its type is always dark.
    const typed = oklchHex(0.2, 0.03, palette.hue);
    return collageText(scene, label, typed);
  },
};

/**
 * Card and papers: a light card tinted by the palette, or black card for
 * dark tracks; the sheets as deep and vivid as the energy allows.
 */
function collagePapers(palette: Palette, rng: Random): Papers {
  const [partner] = harmonyOffsets(palette);
  const dots = 0.55 + 0.45 * palette.contrast;
  return {
    ground: palette.paper,
    // The main sheet in the base hue or, on a dark ground of a colour of
    // its own (a dusk violet), in the ground's; a grey ground (steel, ink
    // black) or a deeper turn of the hue itself gives none.
    sheet: tone(palette, 1, rng.pick([0, groundTurn(palette)]), 1.35),
    neighbour: tone(palette, 0.6, lean(palette, 32), 1.15),
    second: tone(palette, 0.55, partner, 1.1),
    ink: palette.ink,
    // Calm tracks print their halftone lighter.
    dots: withAlpha(palette.ink, dots),
    faintDots: withAlpha(palette.ink, dots * 0.5),
  };
}

function groundTurn(palette: Palette): number {
  const turn = ((palette.groundHue - palette.hue + 540) % 360) - 180;
  const grey = palette.groundChroma < palette.chroma * 0.5;
  const own = Math.abs(turn) > 60;
  return palette.darkGround && (grey || !own) ? 0 : turn;
}

function paintSheet(
  ctx: SKRSContext2D,
  reading: TrackReading,
  p: Papers,
  rng: Random,
): void {
  fillPolygon(
    ctx,
    tornRect(70, 60, 860, 600, rng.range(-0.05, 0.05), rng, 6),
    p.sheet,
  );
  paintStrips(ctx, reading.features.bpm, p.second, rng, false);
  const cx = 250 + loudestMoment(reading.features.contour) * 500;
  halftoneDisc(
    ctx,
    cx,
    rng.range(260, 360),
    190 + reading.features.energy * 50,
    reading,
    p.dots,
  );
  drawMotifGlyph(
    ctx,
    leadMotif(reading),
    cx > 460 ? 230 : 760,
    200,
    190,
    p.ground,
  );
}

function paintSplit(
  ctx: SKRSContext2D,
  reading: TrackReading,
  p: Papers,
  rng: Random,
): void {
  fillPolygon(
    ctx,
    tornRect(40, 50, 520, 620, rng.range(-0.03, 0.03), rng, 6),
    p.sheet,
  );
  fillPolygon(
    ctx,
    tornRect(470, 90, 490, 560, rng.range(-0.05, 0.05), rng, 6),
    p.neighbour,
  );
  halftoneBand(ctx, 80, 440, 840, 170, reading, p.dots);
  drawMotifGlyph(ctx, leadMotif(reading), 300, 270, 300, p.ground);
  paintStrips(ctx, reading.features.bpm, withAlpha(p.second, 0.85), rng, true);
}

/**
 * The motif as a big cut-out in the deep sheet colour, at the loudest
 * moment, with its print shadow offset beside it as a misregistered
 * screen print, over a paler window slit by tempo strips.
 */
function paintWindow(
  ctx: SKRSContext2D,
  reading: TrackReading,
  p: Papers,
  rng: Random,
): void {
  fillPolygon(
    ctx,
    tornRect(60, 70, 880, 600, rng.range(-0.04, 0.04), rng, 6),
    p.neighbour,
  );
  ctx.save();
  ctx.beginPath();
  ctx.rect(60, 70, 880, 600);
  ctx.clip();
  halftoneBand(ctx, 80, 90, 840, 560, reading, p.faintDots);
  ctx.restore();
  paintStrips(ctx, reading.features.bpm, p.ground, rng, true);
  const motif = leadMotif(reading);
  const cx = 290 + loudestMoment(reading.features.contour) * 420;
  drawMotifGlyph(ctx, motif, cx + 22, 378, 470, p.ink);
  drawMotifGlyph(ctx, motif, cx, 360, 470, p.sheet);
}

/**
 * Cut strips, one per twenty beats a minute (three to nine), laid across
 * the picture or down its right half.
 */
function paintStrips(
  ctx: SKRSContext2D,
  bpm: number,
  color: string,
  rng: Random,
  vertical: boolean,
): void {
  const count = Math.min(9, Math.max(3, Math.round(bpm / 20)));
  const angle = rng.range(-0.35, 0.35);
  const span = vertical ? 420 : 480;
  const step = span / count;
  for (let i = 0; i < count; i++) {
    const at = (vertical ? 520 : 110) + i * step;
    const strip = vertical
      ? tornRect(at, -40, step / 2.4, 1080, angle * 0.3, rng, 2.5)
      : tornRect(-40, at, 1080, step / 2.4, angle, rng, 2.5);
    fillPolygon(ctx, strip, color);
  }
}

/**
 * The halftone screen's pitch follows the tempo: a coarse screen for slow
 * songs (25 units at 72 bpm), a fine one for fast ones (11 at 168).
 */
function screenStep(bpm: number): number {
  return Math.min(26, Math.max(10, 1800 / bpm));
}

/** Halftone: dots on a grid, heavier towards the bottom and when loud. */
function halftoneDisc(
  ctx: SKRSContext2D,
  cx: number,
  cy: number,
  r: number,
  reading: TrackReading,
  ink: string,
): void {
  const step = screenStep(reading.features.bpm) * 1.1;
  const moon =
    reading.motifs.includes('moon') || reading.motifs.includes('night');
  const e = reading.features.energy;
  for (let y = cy - r; y <= cy + r; y += step) {
    for (let x = cx - r; x <= cx + r; x += step) {
      if (Math.hypot(x - cx, y - cy) > r) continue;
      if (moon && Math.hypot(x - cx - r * 0.45, y - cy + r * 0.2) < r * 0.8)
        continue;
      const shade = 0.25 + 0.75 * ((y - (cy - r)) / (2 * r));
      fillCircle(ctx, x, y, (step / 2) * shade * (0.6 + e * 0.4), ink);
    }
  }
}

/**
 * A band of dots whose size follows the energy contour left to right:
 * quiet stretches print pin-pricks, loud ones nearly solid.
 */
function halftoneBand(
  ctx: SKRSContext2D,
  x0: number,
  y0: number,
  w: number,
  h: number,
  reading: TrackReading,
  ink: string,
): void {
  const step = screenStep(reading.features.bpm);
  const contour = reading.features.contour;
  for (let x = x0; x <= x0 + w; x += step) {
    const level = sampleAt(contour, (x - x0) / w);
    const r = (step / 2) * (0.08 + 0.92 * level ** 1.5);
    for (let y = y0; y <= y0 + h; y += step) fillCircle(ctx, x, y, r, ink);
  }
}

function paintTape(ctx: SKRSContext2D, rng: Random, layout: Layout): void {
  const spots: [number, number][] =
    layout === 'split'
      ? [
          [520, 70],
          [120, 640],
        ]
      : [
          [110, 80],
          [860, 620],
        ];
  for (const [x, y] of spots) {
    const pts = rotate(
      [
        [x - 70, y - 18],
        [x + 70, y - 18],
        [x + 70, y + 18],
        [x - 70, y + 18],
      ],
      x,
      y,
      rng.range(-0.8, -0.4),
    );
    fillPolygon(ctx, pts, 'rgba(240,232,200,0.72)');
  }
}

function labelRect(scene: Scene, layout: Layout): Rect {
  const hasArtist = scene.input.artist.trim() !== '';
  const h = hasArtist ? 170 : 150;
  const x = layout === 'split' ? 90 : 110;
  return { x, y: 905 - h, w: layout === 'window' ? 700 : 780, h };
}

function collageText(scene: Scene, label: Rect, ink: string): TextSpec[] {
  const { input, reading } = scene;
  const plate = { kind: 'box' as const, colors: [LABEL_PAPER], padding: 0.2 };
  const typed = ['lofi', 'folk', 'jazz', 'unknown'].includes(reading.genre);
  const faces = typed ? monoFaces(700) : displayFaces(reading.genre);
  const hasArtist = input.artist.trim() !== '';
  return [
    textSpec(
      'title',
      input.title,
      { x: label.x, y: label.y, w: label.w, h: label.h - (hasArtist ? 46 : 0) },
      faces,
      {
        maxSize: 100,
        maxLines: 3,
        lineHeight: 1.02,
        valign: 'middle',
        colors: [ink],
        plate,
      },
    ),
    textSpec(
      'artist',
      input.artist,
      { x: label.x, y: label.y + label.h - 36, w: label.w, h: 36 },
      [faceOf('Mono', 400), faceOf('Inter', 500)],
      {
        maxSize: 28,
        colors: [ink],
        plate,
      },
    ),
  ];
}
