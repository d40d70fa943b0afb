import { createCanvas, loadImage } from '@napi-rs/canvas';
import { rgbToOklab, srgbToLinear } from '../../../src/engine/color/color.js';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row-major. */
  data: Uint8ClampedArray;
}

/** Decodes PNG/JPEG/WebP bytes into pixels with the canvas decoder. */
export async function decode(bytes: Buffer, size?: number): Promise<Pixels> {
  const image = await loadImage(bytes);
  const width = size ?? image.width;
  const height = size ?? image.height;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0, width, height);
  return { width, height, data: ctx.getImageData(0, 0, width, height).data };
}

export function luminance(r: number, g: number, b: number): number {
  return (
    0.2126 * srgbToLinear(r) +
    0.7152 * srgbToLinear(g) +
    0.0722 * srgbToLinear(b)
  );
}

export function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * Perceptual distance between two covers: both are scaled to 24x24 (which
 * keeps composition and colour and drops fine detail), and the mean OKLab
 * distance of corresponding cells is returned. 0 is identical; a global
 * shift of 0.1 is a clearly visible change of colour or light.
 */
export async function perceptualDistance(
  a: Buffer,
  b: Buffer,
): Promise<number> {
  const pa = await decode(a, 24);
  const pb = await decode(b, 24);
  let sum = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    const x = rgbToOklab(
      pa.data[i] ?? 0,
      pa.data[i + 1] ?? 0,
      pa.data[i + 2] ?? 0,
    );
    const y = rgbToOklab(
      pb.data[i] ?? 0,
      pb.data[i + 1] ?? 0,
      pb.data[i + 2] ?? 0,
    );
    sum += Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
  }
  return sum / (pa.data.length / 4);
}
