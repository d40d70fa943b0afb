import { fromHex } from '../color/color.js';
import { contrastOfLuminances, relativeLuminance } from '../color/contrast.js';
import {
  blendSample,
  luminanceRange,
  type BackgroundSample,
} from './sample-background.js';

/** Ink and plate decided for a block of text. */
export interface InkChoice {
  color: string;
  /** null when the text stands on the art as it is. */
  plate: { color: string; alpha: number } | null;
}

/**
 * Aim above the 4.5:1 floor: a plate's alpha is found on a sample, and the
 * antialiased edge of a plate shape may differ by a few levels.
 */
const TARGET = 4.9;
const PLATE_ALPHAS = [0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.93, 1];

/** The worst contrast of a colour against every pixel of a sample. */
export function worstContrast(color: string, sample: BackgroundSample): number {
  const [lo, hi] = luminanceRange(sample);
  const text = relativeLuminance(fromHex(color));
  return Math.min(
    contrastOfLuminances(text, lo),
    contrastOfLuminances(text, hi),
  );
}

/**
 * The first preferred colour legible on the art as it is; failing that, the
 * lightest plate that makes one of them legible.
 */
export function chooseInk(
  colors: readonly string[],
  plateColors: readonly string[],
  sample: BackgroundSample,
): InkChoice {
  const direct = colors.find((color) => worstContrast(color, sample) >= TARGET);
  if (direct) return { color: direct, plate: null };
  for (const alpha of PLATE_ALPHAS) {
    for (const color of colors) {
      const plate = bestPlate(color, plateColors);
      const under = blendSample(sample, fromHex(plate), alpha);
      if (worstContrast(color, under) >= TARGET) {
        return { color, plate: { color: plate, alpha } };
      }
    }
  }
  return solidFallback(colors, plateColors);
}

function bestPlate(color: string, plateColors: readonly string[]): string {
  const text = relativeLuminance(fromHex(color));
  const score = (plate: string): number =>
    contrastOfLuminances(text, relativeLuminance(fromHex(plate)));
  return [...plateColors].sort((a, b) => score(b) - score(a))[0] ?? '#000000';
}

/** A solid plate in the most contrasting pair the style allows. */
export function solidFallback(
  colors: readonly string[],
  plateColors: readonly string[],
): InkChoice {
  const pairs = colors.flatMap((color) =>
    plateColors.map((plate) => ({ color, plate })),
  );
  const contrast = ({
    color,
    plate,
  }: {
    color: string;
    plate: string;
  }): number =>
    contrastOfLuminances(
      relativeLuminance(fromHex(color)),
      relativeLuminance(fromHex(plate)),
    );
  const best = [...pairs].sort((a, b) => contrast(b) - contrast(a))[0];
  const pair =
    best && contrast(best) >= TARGET
      ? best
      : { color: '#ffffff', plate: '#000000' };
  return { color: pair.color, plate: { color: pair.plate, alpha: 1 } };
}
