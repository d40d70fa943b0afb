import type { SKRSContext2D } from '@napi-rs/canvas';
import { withAlpha } from '../color/color.js';
import type { PlateSpec, Rect } from './text-spec.js';

/** The area a plate covers for a block's ink, in cover units. */
export function plateRect(spec: PlateSpec, ink: Rect, size: number): Rect {
  const pad = (spec.padding ?? 0.35) * size;
  if (spec.kind === 'band') {
    return { x: 0, y: ink.y - pad * 0.8, w: 1000, h: ink.h + pad * 1.6 };
  }
  return {
    x: ink.x - pad,
    y: ink.y - pad * 0.75,
    w: ink.w + pad * 2,
    h: ink.h + pad * 1.5,
  };
}

/**
 * Lays a plate behind text. "soft" plates get a blurred halo on top of the
 * exact-alpha core, which only adds cover, so contrast can only improve.
 */
export function drawPlate(
  ctx: SKRSContext2D,
  spec: PlateSpec,
  rect: Rect,
  color: string,
  alpha: number,
  scale: number,
): void {
  ctx.save();
  ctx.fillStyle = withAlpha(color, alpha);
  if (spec.kind === 'soft') {
    ctx.shadowColor = withAlpha(color, alpha * 0.8);
    ctx.shadowBlur = Math.min(rect.w, rect.h) * 0.35 * scale;
  }
  const radius = spec.kind === 'band' ? 0 : (spec.radius ?? 0);
  ctx.beginPath();
  ctx.roundRect(rect.x, rect.y, rect.w, rect.h, radius);
  ctx.fill();
  ctx.restore();
}
