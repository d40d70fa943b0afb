import type { SKRSContext2D } from '@napi-rs/canvas';
import { srgbToLinear } from '../color/color.js';
import type { Rect } from './text-spec.js';

/** Pixels behind a text block, as raw RGB triples. */
export interface BackgroundSample {
  rgb: Uint8Array;
  count: number;
}

const LINEAR = Float64Array.from({ length: 256 }, (_, i) => srgbToLinear(i));

/** WCAG luminance of one sampled pixel. */
export function luminanceAt(rgb: Uint8Array, i: number): number {
  const o = i * 3;
  return (
    0.2126 * (LINEAR[rgb[o] ?? 0] ?? 0) +
    0.7152 * (LINEAR[rgb[o + 1] ?? 0] ?? 0) +
    0.0722 * (LINEAR[rgb[o + 2] ?? 0] ?? 0)
  );
}

/**
 * Reads the pixels under a rectangle given in device pixels. Large areas
 * are read on a stride so a 3000-pixel cover costs no more to check than a
 * 1024 one; the final check of each block reads every pixel (stride 1).
 */
export function sampleBackground(
  ctx: SKRSContext2D,
  device: Rect,
  stride: number,
): BackgroundSample {
  const x = Math.max(0, Math.floor(device.x));
  const y = Math.max(0, Math.floor(device.y));
  const right = Math.min(ctx.canvas.width, Math.ceil(device.x + device.w));
  const bottom = Math.min(ctx.canvas.height, Math.ceil(device.y + device.h));
  const w = Math.max(1, right - x);
  const h = Math.max(1, bottom - y);
  const data = ctx.getImageData(x, y, w, h).data;
  const out = new Uint8Array(Math.ceil(w / stride) * Math.ceil(h / stride) * 3);
  let count = 0;
  for (let row = 0; row < h; row += stride) {
    for (let col = 0; col < w; col += stride) {
      const at = (row * w + col) * 4;
      out[count * 3] = data[at] ?? 0;
      out[count * 3 + 1] = data[at + 1] ?? 0;
      out[count * 3 + 2] = data[at + 2] ?? 0;
      count++;
    }
  }
  return { rgb: out, count };
}

/** The darkest and lightest luminance in a sample. */
export function luminanceRange(sample: BackgroundSample): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < sample.count; i++) {
    const l = luminanceAt(sample.rgb, i);
    if (l < lo) lo = l;
    if (l > hi) hi = l;
  }
  return [lo, hi];
}

/** The sample as it would look under a plate of one colour at an alpha. */
export function blendSample(
  sample: BackgroundSample,
  plate: { r: number; g: number; b: number },
  alpha: number,
): BackgroundSample {
  const rgb = new Uint8Array(sample.count * 3);
  const channels = [plate.r, plate.g, plate.b];
  for (let i = 0; i < sample.count * 3; i++) {
    const under = sample.rgb[i] ?? 0;
    const over = channels[i % 3] ?? 0;
    rgb[i] = Math.round(under + (over - under) * alpha);
  }
  return { rgb, count: sample.count };
}
