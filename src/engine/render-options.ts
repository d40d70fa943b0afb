import type { ImageFormat, RenderOptions } from './types.js';

export const MIN_SIZE = 64;
export const MAX_SIZE = 3000;
export const DEFAULT_SIZE = 1024;
const FORMATS: readonly ImageFormat[] = ['png', 'jpeg', 'webp'];

export interface ValidRenderOptions {
  style: string;
  size: number;
  format: ImageFormat;
  variation: number;
}

/** Checks options and fills defaults; a bad value throws a clear Error. */
export function validateRenderOptions(
  options: RenderOptions,
): ValidRenderOptions {
  const size = options.size ?? DEFAULT_SIZE;
  if (!Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE) {
    throw new Error(
      `cover size must be an integer from ${MIN_SIZE} to ${MAX_SIZE}, got ${size}`,
    );
  }
  const format = options.format ?? 'png';
  if (!FORMATS.includes(format)) {
    throw new Error(
      `cover format must be one of ${FORMATS.join(', ')}, got ${String(format)}`,
    );
  }
  const variation = options.variation ?? 0;
  if (!Number.isInteger(variation) || variation < 0) {
    throw new Error(
      `variation must be a non-negative integer, got ${variation}`,
    );
  }
  return { style: options.style, size, format, variation };
}
