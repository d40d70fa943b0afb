import type { Random } from '../random.js';

type Point = [number, number];

/**
 * The outline of a torn sheet: a rectangle, rotated, whose edges wander by
 * a few units every few units, as paper tears.
 */
export function tornRect(
  x: number,
  y: number,
  w: number,
  h: number,
  angle: number,
  rng: Random,
  roughness = 5,
): Point[] {
  const corners: Point[] = [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ];
  const points: Point[] = [];
  corners.forEach((from, i) => {
    const to = corners[(i + 1) % 4] ?? from;
    const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
    const steps = Math.max(2, Math.round(length / 14));
    for (let s = 0; s < steps; s++) {
      const t = s / steps;
      points.push([
        from[0] + (to[0] - from[0]) * t + rng.range(-roughness, roughness),
        from[1] + (to[1] - from[1]) * t + rng.range(-roughness, roughness),
      ]);
    }
  });
  return rotate(points, x + w / 2, y + h / 2, angle);
}

export function rotate(
  points: Point[],
  cx: number,
  cy: number,
  angle: number,
): Point[] {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return points.map(([px, py]) => [
    cx + (px - cx) * cos - (py - cy) * sin,
    cy + (px - cx) * sin + (py - cy) * cos,
  ]);
}
