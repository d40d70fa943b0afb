import { rgbToOklab } from '../../../src/engine/color/color.js';
import type { Pixels } from './pixels.js';

/** One pixel in OKLab: lightness 0–1 and the two opponent axes. */
interface Lab {
  l: number;
  a: number;
  b: number;
}

/** The warm pole of the colour wheel: orange, at 50° in OKLab. */
const WARM_AXIS = (50 * Math.PI) / 180;

function labAt(pixels: Pixels, i: number): Lab {
  const o = i * 4;
  const [l, a, b] = rgbToOklab(
    pixels.data[o] ?? 0,
    pixels.data[o + 1] ?? 0,
    pixels.data[o + 2] ?? 0,
  );
  return { l, a, b };
}

const converted = new WeakMap<Pixels, Lab[]>();

function labs(pixels: Pixels): Lab[] {
  const known = converted.get(pixels);
  if (known) return known;
  const count = pixels.width * pixels.height;
  const all = Array.from({ length: count }, (_, i) => labAt(pixels, i));
  converted.set(pixels, all);
  return all;
}

const mean = (values: number[]): number =>
  values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

/** Mean perceptual lightness (OKLab L), 0 black – 1 white. */
export function meanLightness(pixels: Pixels): number {
  return mean(labs(pixels).map((p) => p.l));
}

/**
 * Saturation of the picture's colours: the mean chroma of its most
 * colourful tenth of pixels, so a large ground does not hide how vivid
 * the shapes are.
 */
export function vividness(pixels: Pixels): number {
  const chromas = labs(pixels)
    .map((p) => Math.hypot(p.a, p.b))
    .sort((u, v) => v - u);
  return mean(chromas.slice(0, Math.max(1, Math.floor(chromas.length / 10))));
}

/** RMS contrast: the standard deviation of lightness. */
export function lightnessSpread(pixels: Pixels): number {
  const ls = labs(pixels).map((p) => p.l);
  const m = mean(ls);
  return Math.sqrt(mean(ls.map((l) => (l - m) ** 2)));
}

/**
 * Mean warmth of the picture's colours, −1 (all blue) to 1 (all orange):
 * the cosine of each coloured pixel's hue angle from orange, so a hue
 * counts the same however vivid it is (vividness is energy's business).
 * Near-greys (chroma under 0.03) do not count.
 */
export function meanWarmth(pixels: Pixels): number {
  const coloured = labs(pixels).filter((p) => Math.hypot(p.a, p.b) >= 0.03);
  return mean(coloured.map((p) => Math.cos(Math.atan2(p.b, p.a) - WARM_AXIS)));
}

/**
 * How far the colours turned round the wheel from one cover to another
 * of the same composition, in degrees: each pixel coloured in both
 * (chroma 0.03 or more) gives the signed turn of its hue, weighted by its
 * weaker chroma. Unlike the turn of the mean hue, colours moving the same
 * way always add up, even where one crosses the far side of the ground's.
 * A pixel whose hue moved more than `JUMP` degrees changed colour rather
 * than turned (a partner hue stepping over olive to the other side), and
 * which way round it went is a guess, so it does not count.
 */
const JUMP = 120;

export function hueTurn(from: Pixels, to: Pixels): number {
  const a = labs(from);
  const b = labs(to);
  let turned = 0;
  let weight = 0;
  a.forEach((p, i) => {
    const q = b[i];
    if (!q) return;
    const w = Math.min(Math.hypot(p.a, p.b), Math.hypot(q.a, q.b));
    if (w < 0.03) return;
    const turn = Math.atan2(q.b, q.a) - Math.atan2(p.b, p.a);
    const degrees = ((((turn * 180) / Math.PI + 540) % 360) + 360) % 360;
    if (Math.abs(degrees - 180) > JUMP) return;
    turned += (degrees - 180) * w;
    weight += w;
  });
  return weight > 0 ? turned / weight : 0;
}

/** A lightness change that counts as an edge, across two pixels. */
const EDGE_STEP = 0.035;

/**
 * Rhythm: edges met along every fourth row and column, per 100 pixels
 * scanned; a pixel is on an edge when its lightness differs by
 * `EDGE_STEP` from the pixel two before it. Finer, denser patterns score
 * higher.
 */
export function edgeDensity(pixels: Pixels): number {
  const { width, height } = pixels;
  const l = labs(pixels).map((p) => p.l);
  const at = (x: number, y: number): number => l[y * width + x] ?? 0;
  let steps = 0;
  let scanned = 0;
  for (let y = 0; y < height; y += 4) {
    for (let x = 2; x < width; x++, scanned++) {
      if (Math.abs(at(x, y) - at(x - 2, y)) >= EDGE_STEP) steps++;
    }
  }
  for (let x = 0; x < width; x += 4) {
    for (let y = 2; y < height; y++, scanned++) {
      if (Math.abs(at(x, y) - at(x, y - 2)) >= EDGE_STEP) steps++;
    }
  }
  return (steps / scanned) * 100;
}

/** How the visual mass moved from one cover to another. */
export interface MassShift {
  /**
   * Where mass was gained minus where it was lost, left to right (−1–1):
   * positive when the second cover is heavier further right.
   */
  shift: number;
  /** How much mass moved, as a share of the first cover's mass. */
  moved: number;
}

/**
 * Compares the mass maps of two covers that differ in one driver: parts
 * that did not change cancel, so only what the driver moved counts.
 */
export function massShiftX(from: Pixels, to: Pixels): MassShift {
  const a = massMap(from);
  const b = massMap(to);
  const width = from.width;
  let gained = 0;
  let gainedX = 0;
  let lost = 0;
  let lostX = 0;
  let total = 0;
  a.forEach((wa, i) => {
    const d = (b[i] ?? 0) - wa;
    const x = ((i % width) + 0.5) / width;
    total += wa;
    if (d > 0) {
      gained += d;
      gainedX += d * x;
    } else {
      lost -= d;
      lostX -= d * x;
    }
  });
  const centre = (moment: number, weight: number): number =>
    weight > 0 ? moment / weight : 0.5;
  return {
    shift: centre(gainedX, gained) - centre(lostX, lost),
    moved: (gained + lost) / 2 / Math.max(1e-9, total),
  };
}

function massMap(pixels: Pixels): number[] {
  const all = labs(pixels);
  const ground = borderGround(all, pixels.width, pixels.height);
  return all.map((p) =>
    Math.hypot(p.l - ground.l, p.a - ground.a, p.b - ground.b),
  );
}

/**
 * The cover's ground: the commonest colour round its border, where the
 * art rarely reaches (paper, field or sky).
 */
function borderGround(all: Lab[], width: number, height: number): Lab {
  const border = all.filter((_, i) => {
    const x = i % width;
    const y = Math.floor(i / width);
    return x === 0 || y === 0 || x === width - 1 || y === height - 1;
  });
  return dominantColour(border);
}

/** The mean of the most populated cell of a coarse OKLab grid. */
function dominantColour(all: Lab[]): Lab {
  const bins = new Map<string, Lab[]>();
  for (const p of all) {
    const key = [p.l / 0.04, p.a / 0.03, p.b / 0.03].map(Math.round).join();
    const bin = bins.get(key);
    if (bin) bin.push(p);
    else bins.set(key, [p]);
  }
  const biggest = [...bins.values()].sort((u, v) => v.length - u.length)[0];
  const members = biggest ?? all;
  return {
    l: mean(members.map((p) => p.l)),
    a: mean(members.map((p) => p.a)),
    b: mean(members.map((p) => p.b)),
  };
}
