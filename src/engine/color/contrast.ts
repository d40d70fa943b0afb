import { srgbToLinear, type Rgb } from './color.js';

/** WCAG 2 relative luminance of an sRGB colour. */
export function relativeLuminance({ r, g, b }: Rgb): number {
  return (
    0.2126 * srgbToLinear(r) +
    0.7152 * srgbToLinear(g) +
    0.0722 * srgbToLinear(b)
  );
}

/** WCAG 2 contrast ratio between two luminances, 1 to 21. */
export function contrastOfLuminances(a: number, b: number): number {
  const hi = Math.max(a, b);
  const lo = Math.min(a, b);
  return (hi + 0.05) / (lo + 0.05);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  return contrastOfLuminances(relativeLuminance(a), relativeLuminance(b));
}

/** WCAG AA for normal text; the engine holds every text box to it. */
export const MIN_TEXT_CONTRAST = 4.5;
