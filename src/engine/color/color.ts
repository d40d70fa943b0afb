/** An sRGB colour with channels 0–255. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** OKLCH: perceptual lightness 0–1, chroma 0–~0.37, hue in degrees. */
export interface Oklch {
  l: number;
  c: number;
  h: number;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

function linearToSrgb(x: number): number {
  return x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055;
}

export function srgbToLinear(channel255: number): number {
  const x = channel255 / 255;
  return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
}

/** OKLCH to linear sRGB, possibly outside the gamut. */
function oklchToLinear({ l, c, h }: Oklch): [number, number, number] {
  const rad = (h * Math.PI) / 180;
  const a = c * Math.cos(rad);
  const b = c * Math.sin(rad);
  const l1 = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m1 = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s1 = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l1 - 3.3077115913 * m1 + 0.2309699292 * s1,
    -1.2684380046 * l1 + 2.6097574011 * m1 - 0.3413193965 * s1,
    -0.0041960863 * l1 - 0.7034186147 * m1 + 1.707614701 * s1,
  ];
}

const inGamut = (rgb: [number, number, number]): boolean =>
  rgb.every((x) => x >= -0.0005 && x <= 1.0005);

/**
 * Converts to sRGB, lowering chroma until the colour fits the gamut, so a
 * requested hue and lightness survive instead of being clipped to a
 * different hue.
 */
export function oklchToRgb(color: Oklch): Rgb {
  let linear = oklchToLinear(color);
  if (!inGamut(linear)) {
    // Bisect for the largest chroma that fits, so asking for more chroma
    // never gives less.
    let lo = 0;
    let hi = color.c;
    for (let i = 0; i < 16; i++) {
      const mid = (lo + hi) / 2;
      if (inGamut(oklchToLinear({ ...color, c: mid }))) lo = mid;
      else hi = mid;
    }
    linear = oklchToLinear({ ...color, c: lo });
  }
  const [r, g, b] = linear.map((x) =>
    Math.round(255 * linearToSrgb(clamp01(x))),
  );
  return { r: r ?? 0, g: g ?? 0, b: b ?? 0 };
}

/** OKLab lightness (0–1) and opponent axes a, b of an sRGB colour. */
export function rgbToOklab(
  r: number,
  g: number,
  b: number,
): [number, number, number] {
  const lr = srgbToLinear(r);
  const lg = srgbToLinear(g);
  const lb = srgbToLinear(b);
  const l = Math.cbrt(
    0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb,
  );
  const m = Math.cbrt(
    0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb,
  );
  const s = Math.cbrt(
    0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb,
  );
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

export function rgbToOklch({ r, g, b }: Rgb): Oklch {
  const [l, a, bb] = rgbToOklab(r, g, b);
  const h = ((Math.atan2(bb, a) * 180) / Math.PI + 360) % 360;
  return { l, c: Math.hypot(a, bb), h };
}

export function toHex({ r, g, b }: Rgb): string {
  const hex = (x: number): string => x.toString(16).padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

export function fromHex(hex: string): Rgb {
  const value = parseInt(hex.slice(1, 7), 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}

/** A CSS colour string with alpha. */
export function withAlpha(hex: string, alpha: number): string {
  const { r, g, b } = fromHex(hex);
  return `rgba(${r},${g},${b},${clamp01(alpha).toFixed(3)})`;
}

/** Mixes two hex colours in OKLab-ish space via linear sRGB. */
export function mixHex(a: string, b: string, t: number): string {
  const ca = fromHex(a);
  const cb = fromHex(b);
  const lerp = (x: number, y: number): number => {
    const lin = srgbToLinear(x) * (1 - t) + srgbToLinear(y) * t;
    return Math.round(255 * linearToSrgb(clamp01(lin)));
  };
  return toHex({
    r: lerp(ca.r, cb.r),
    g: lerp(ca.g, cb.g),
    b: lerp(ca.b, cb.b),
  });
}

/**
 * Steers a colour away from the hues that turn to mud: orange and yellow
 * read as brown and olive when deep, and ochre and mustard at middle
 * values, and greyed greens at any value below pale. Deep ones turn
 * towards rust and red (or, from yellow-green, towards green), greyed
 * greens towards slate, middle ones towards orange, yellow-greens towards
 * green, each range squeezed in order (two
 * keys still differ, and a hue never jumps past its neighbours), fading
 * in with depth so a colour's hue does not jump as it gets darker.
 * Every colour the styles make passes through here.
 */
export function avoidMud(l: number, c: number, hue: number): Oklch {
  const h = ((hue % 360) + 360) % 360;
  const deep = clamp01((0.42 - l) / 0.12);
  if (deep > 0 && h > 22 && h <= 125) {
    const rich = h <= 95 ? 22 + (h - 22) * 0.2 : 140 + (h - 95) * 0.3;
    return { l, c: Math.max(c, 0.06 * deep), h: h + (rich - h) * deep };
  }
  // Greyed greens and teals read as murky water: they go slate.
  if (c < 0.07 && l < 0.75 && h >= 140 && h <= 205)
    return { l, c, h: 195 + (h - 140) * 0.15 };
  // Yellows need more light than oranges to stay clean.
  const clean = 0.66 + clamp01((h - 60) / 55) * 0.24;
  if (l >= clean) return { l, c, h };
  if (h > 48 && h <= 104) return { l, c, h: 48 + (h - 48) * 0.2 };
  if (h > 104 && h <= 125) return { l, c, h: 140 + (h - 104) * 0.5 };
  return { l, c, h };
}

export function oklchHex(l: number, c: number, h: number): string {
  return toHex(oklchToRgb(avoidMud(l, c, h)));
}
