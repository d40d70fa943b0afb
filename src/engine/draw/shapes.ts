import type { SKRSContext2D } from '@napi-rs/canvas';

export function fillCircle(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  r: number,
  color: string,
): void {
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.arc(x, y, Math.max(0, r), 0, Math.PI * 2);
  ctx.fill();
}

export function fillRect(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  color: string,
): void {
  ctx.fillStyle = color;
  ctx.fillRect(x, y, w, h);
}

/** Fills the whole 1000-unit cover. */
export function fillGround(ctx: SKRSContext2D, color: string): void {
  fillRect(ctx, 0, 0, 1000, 1000, color);
}

export function fillPolygon(
  ctx: SKRSContext2D,
  points: readonly (readonly [number, number])[],
  color: string,
): void {
  ctx.fillStyle = color;
  tracePolygon(ctx, points);
  ctx.fill();
}

export function tracePolygon(
  ctx: SKRSContext2D,
  points: readonly (readonly [number, number])[],
): void {
  ctx.beginPath();
  points.forEach(([x, y], i) =>
    i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y),
  );
  ctx.closePath();
}

/**
 * A radial glow: the colour at the centre fading to nothing at r, through
 * `fringe` (by default the colour itself) half-way out.
 */
export function fillGlow(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  r: number,
  color: string,
  alpha: number,
  fringe = color,
): void {
  const gradient = ctx.createRadialGradient(x, y, 0, x, y, r);
  gradient.addColorStop(0, rgba(color, alpha));
  gradient.addColorStop(0.45, rgba(fringe, alpha * 0.55));
  gradient.addColorStop(1, rgba(fringe, 0));
  ctx.fillStyle = gradient;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
}

function rgba(hex: string, alpha: number): string {
  const v = parseInt(hex.slice(1, 7), 16);
  return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${alpha.toFixed(3)})`;
}

export function strokeLine(
  ctx: SKRSContext2D,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  color: string,
  width: number,
): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
}
