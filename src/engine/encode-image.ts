import type { Canvas } from '@napi-rs/canvas';
import type { ImageFormat } from './types.js';

/**
 * PNG at zlib level 3 with no row filter: on this engine's art (flat
 * fields and shapes, smooth upscaled glows) that is both the fastest and,
 * for all but the glows, the smallest choice, ahead of "sub" and far
 * ahead of libpng's adaptive filtering (measured per style in
 * bench/engine.ts; the glows grow to under 1 MB at 1024²). Lossy formats
 * use quality 90, where banding in gradients is no longer visible.
 */
export function encodeCanvas(
  canvas: Canvas,
  format: ImageFormat,
  title: string,
): Buffer {
  if (format === 'jpeg')
    return canvas.encodeSync('jpeg', {
      quality: 90,
      title,
      software: 'Sleeve',
    });
  if (format === 'webp') return canvas.encodeSync('webp', 90);
  return canvas.encodeSync('png', {
    compressionLevel: 3,
    filters: 0x08, // PNG_FILTER_NONE
    title,
    software: 'Sleeve',
  });
}
