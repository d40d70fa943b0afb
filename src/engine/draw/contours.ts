/**
 * Iso-lines of a height field by marching squares. The field is sampled on
 * a grid over the 1000-unit square; each level yields line segments.
 */
export type Segment = [number, number, number, number];

export function contourSegments(
  field: Float64Array,
  cols: number,
  rows: number,
  level: number,
): Segment[] {
  const cw = 1000 / (cols - 1);
  const ch = 1000 / (rows - 1);
  const out: Segment[] = [];
  for (let j = 0; j < rows - 1; j++) {
    for (let i = 0; i < cols - 1; i++) {
      const a = field[j * cols + i] ?? 0;
      const b = field[j * cols + i + 1] ?? 0;
      const c = field[(j + 1) * cols + i + 1] ?? 0;
      const d = field[(j + 1) * cols + i] ?? 0;
      const code =
        (a > level ? 8 : 0) |
        (b > level ? 4 : 0) |
        (c > level ? 2 : 0) |
        (d > level ? 1 : 0);
      if (code === 0 || code === 15) continue;
      const x = i * cw;
      const y = j * ch;
      const top: [number, number] = [x + cw * t(a, b, level), y];
      const right: [number, number] = [x + cw, y + ch * t(b, c, level)];
      const bottom: [number, number] = [x + cw * t(d, c, level), y + ch];
      const left: [number, number] = [x, y + ch * t(a, d, level)];
      for (const [p, q] of edgesFor(code, top, right, bottom, left))
        out.push([p[0], p[1], q[0], q[1]]);
    }
  }
  return out;
}

function t(from: number, to: number, level: number): number {
  const span = to - from;
  return span === 0 ? 0.5 : (level - from) / span;
}

type Point = [number, number];

function edgesFor(
  code: number,
  top: Point,
  right: Point,
  bottom: Point,
  left: Point,
): [Point, Point][] {
  switch (code) {
    case 1:
    case 14:
      return [[left, bottom]];
    case 2:
    case 13:
      return [[bottom, right]];
    case 3:
    case 12:
      return [[left, right]];
    case 4:
    case 11:
      return [[top, right]];
    case 5:
      return [
        [left, top],
        [bottom, right],
      ];
    case 6:
    case 9:
      return [[top, bottom]];
    case 7:
    case 8:
      return [[left, top]];
    case 10:
      return [
        [top, right],
        [left, bottom],
      ];
    default:
      return [];
  }
}
