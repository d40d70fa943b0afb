import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Motif } from '../reading/motifs.js';
import { fillCircle, fillPolygon, fillRect } from './shapes.js';

/**
 * Flat silhouettes of the motifs, drawn inside a square of edge `s`
 * centred on (x, y): the cut-paper pictures of the collage style and the
 * emblem of the Bauhaus grid. Each is a few primitives, so they stay crisp
 * and cheap at any size.
 */
type GlyphPainter = (
  ctx: SKRSContext2D,
  x: number,
  y: number,
  s: number,
  color: string,
) => void;

const sun: GlyphPainter = (ctx, x, y, s, color) => {
  fillCircle(ctx, x, y, s * 0.26, color);
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * Math.PI * 2;
    const tip = s * 0.48;
    const base = s * 0.32;
    fillPolygon(
      ctx,
      [
        [x + Math.cos(a) * tip, y + Math.sin(a) * tip],
        [x + Math.cos(a + 0.12) * base, y + Math.sin(a + 0.12) * base],
        [x + Math.cos(a - 0.12) * base, y + Math.sin(a - 0.12) * base],
      ],
      color,
    );
  }
};

const moon: GlyphPainter = (ctx, x, y, s, color) => {
  ctx.save();
  ctx.beginPath();
  ctx.arc(x, y, s * 0.42, 0, Math.PI * 2);
  ctx.arc(x + s * 0.2, y - s * 0.1, s * 0.36, 0, Math.PI * 2, true);
  ctx.fillStyle = color;
  ctx.fill('evenodd');
  ctx.restore();
};

function star(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  r: number,
  color: string,
): void {
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.42;
    points.push([x + Math.cos(a) * rr, y + Math.sin(a) * rr]);
  }
  fillPolygon(ctx, points, color);
}

const stars: GlyphPainter = (ctx, x, y, s, color) => {
  star(ctx, x - s * 0.12, y - s * 0.05, s * 0.3, color);
  star(ctx, x + s * 0.3, y - s * 0.3, s * 0.12, color);
  star(ctx, x + s * 0.28, y + s * 0.3, s * 0.09, color);
};

const water: GlyphPainter = (ctx, x, y, s, color) => {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = s * 0.07;
  ctx.lineCap = 'round';
  for (let row = -1; row <= 1; row++) {
    ctx.beginPath();
    for (let i = 0; i <= 24; i++) {
      const px = x - s * 0.45 + (i / 24) * s * 0.9;
      const py =
        y + row * s * 0.22 + Math.sin((i / 24) * Math.PI * 4) * s * 0.06;
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.stroke();
  }
  ctx.restore();
};

const mountain: GlyphPainter = (ctx, x, y, s, color) => {
  fillPolygon(
    ctx,
    [
      [x - s * 0.5, y + s * 0.35],
      [x - s * 0.1, y - s * 0.35],
      [x + s * 0.3, y + s * 0.35],
    ],
    color,
  );
  fillPolygon(
    ctx,
    [
      [x - s * 0.05, y + s * 0.35],
      [x + s * 0.25, y - s * 0.1],
      [x + s * 0.5, y + s * 0.35],
    ],
    color,
  );
};

const city: GlyphPainter = (ctx, x, y, s, color) => {
  const heights = [0.45, 0.7, 0.35, 0.85, 0.55, 0.4];
  const w = s / heights.length;
  heights.forEach((h, i) =>
    fillRect(
      ctx,
      x - s / 2 + i * w,
      y + s * 0.4 - h * s * 0.8,
      w * 0.86,
      h * s * 0.8,
      color,
    ),
  );
};

const heart: GlyphPainter = (ctx, x, y, s, color) => {
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(x, y + s * 0.38);
  ctx.bezierCurveTo(
    x - s * 0.6,
    y - s * 0.05,
    x - s * 0.25,
    y - s * 0.5,
    x,
    y - s * 0.18,
  );
  ctx.bezierCurveTo(
    x + s * 0.25,
    y - s * 0.5,
    x + s * 0.6,
    y - s * 0.05,
    x,
    y + s * 0.38,
  );
  ctx.fill();
};

const fire: GlyphPainter = (ctx, x, y, s, color) => {
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(x, y - s * 0.48);
  ctx.bezierCurveTo(
    x + s * 0.45,
    y - s * 0.05,
    x + s * 0.35,
    y + s * 0.45,
    x,
    y + s * 0.45,
  );
  ctx.bezierCurveTo(
    x - s * 0.35,
    y + s * 0.45,
    x - s * 0.4,
    y,
    x - s * 0.1,
    y - s * 0.15,
  );
  ctx.bezierCurveTo(
    x - s * 0.05,
    y - s * 0.3,
    x,
    y - s * 0.35,
    x,
    y - s * 0.48,
  );
  ctx.fill();
};

/** A stack of pancakes, since the shared tracks have one. */
const food: GlyphPainter = (ctx, x, y, s, color) => {
  for (let i = 0; i < 4; i++) {
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.ellipse(
      x,
      y + s * 0.3 - i * s * 0.16,
      s * 0.44,
      s * 0.1,
      0,
      0,
      Math.PI * 2,
    );
    ctx.fill();
  }
  fillRect(ctx, x - s * 0.08, y - s * 0.34, s * 0.16, s * 0.1, color);
};

const light: GlyphPainter = (ctx, x, y, s, color) => {
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.ellipse(x, y + s * 0.04, s * 0.28, s * 0.36, 0, 0, Math.PI * 2);
  ctx.fill();
  fillRect(ctx, x - s * 0.12, y - s * 0.44, s * 0.24, s * 0.1, color);
  fillRect(ctx, x - s * 0.12, y + s * 0.38, s * 0.24, s * 0.08, color);
};

const storm: GlyphPainter = (ctx, x, y, s, color) => {
  fillPolygon(
    ctx,
    [
      [x + s * 0.1, y - s * 0.48],
      [x - s * 0.28, y + s * 0.06],
      [x - s * 0.02, y + s * 0.06],
      [x - s * 0.12, y + s * 0.48],
      [x + s * 0.3, y - s * 0.1],
      [x + s * 0.04, y - s * 0.1],
    ],
    color,
  );
};

const road: GlyphPainter = (ctx, x, y, s, color) => {
  fillPolygon(
    ctx,
    [
      [x - s * 0.06, y - s * 0.45],
      [x + s * 0.06, y - s * 0.45],
      [x + s * 0.48, y + s * 0.45],
      [x - s * 0.48, y + s * 0.45],
    ],
    color,
  );
};

const machine: GlyphPainter = (ctx, x, y, s, color) => {
  for (let i = 0; i < 8; i++) {
    ctx.save();
    ctx.translate(x, y);
    ctx.rotate((i / 8) * Math.PI * 2);
    fillRect(ctx, -s * 0.08, -s * 0.47, s * 0.16, s * 0.2, color);
    ctx.restore();
  }
  ctx.save();
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.arc(x, y, s * 0.33, 0, Math.PI * 2);
  ctx.arc(x, y, s * 0.13, 0, Math.PI * 2, true);
  ctx.fill('evenodd');
  ctx.restore();
};

const church: GlyphPainter = (ctx, x, y, s, color) => {
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(x - s * 0.3, y + s * 0.45);
  ctx.lineTo(x - s * 0.3, y - s * 0.1);
  ctx.arc(x, y - s * 0.1, s * 0.3, Math.PI, 0);
  ctx.lineTo(x + s * 0.3, y + s * 0.45);
  ctx.fill();
};

const forest: GlyphPainter = (ctx, x, y, s, color) => {
  [-0.28, 0, 0.28].forEach((dx, i) => {
    const h = i === 1 ? 0.9 : 0.65;
    fillPolygon(
      ctx,
      [
        [x + dx * s, y - s * (h - 0.45)],
        [x + dx * s + s * 0.2, y + s * 0.45],
        [x + dx * s - s * 0.2, y + s * 0.45],
      ],
      color,
    );
  });
};

const dream: GlyphPainter = (ctx, x, y, s, color) => {
  fillCircle(ctx, x - s * 0.2, y + s * 0.05, s * 0.2, color);
  fillCircle(ctx, x + s * 0.05, y - s * 0.08, s * 0.26, color);
  fillCircle(ctx, x + s * 0.28, y + s * 0.08, s * 0.17, color);
  fillRect(ctx, x - s * 0.2, y + s * 0.05, s * 0.48, s * 0.2, color);
};

const GLYPHS: Record<Motif, GlyphPainter> = {
  sun,
  moon,
  night: moon,
  stars,
  space: stars,
  water,
  rain: storm,
  storm,
  mountain,
  desert: mountain,
  city,
  heart,
  fire,
  food,
  light,
  road,
  machine,
  church,
  forest,
  dream,
};

export function drawMotifGlyph(
  ctx: SKRSContext2D,
  motif: Motif,
  x: number,
  y: number,
  s: number,
  color: string,
): void {
  GLYPHS[motif](ctx, x, y, s, color);
}
