import { buildPalette } from './color/palette.js';
import { encodeCanvas } from './encode-image.js';
import { ensureFontsRegistered } from './fonts/register-fonts.js';
import { createRandom, hashString } from './random.js';
import { cleanTrackText } from './reading/clean-text.js';
import { readTrack } from './reading/read-track.js';
import { borrowCanvas } from './reusable-canvas.js';
import { validateRenderOptions } from './render-options.js';
import { findStyle } from './styles/registry.js';
import { setTexts } from './typography/set-text.js';
import type { TextBox } from './typography/text-spec.js';
import type { CoverInput, ImageFormat, RenderOptions } from './types.js';

/** Where the words of a rendered cover went, for galleries and tests. */
export interface CoverLayout {
  style: string;
  size: number;
  format: ImageFormat;
  texts: TextBox[];
}

export interface LayoutRenderOptions extends RenderOptions {
  /** false leaves the glyphs out (plates stay). Default true. */
  drawText?: boolean;
}

export interface RenderedCoverWithLayout {
  bytes: Buffer;
  layout: CoverLayout;
}

/** Renders one cover and reports where its text went. */
export function renderCoverWithLayout(
  track: CoverInput,
  options: LayoutRenderOptions,
): RenderedCoverWithLayout {
  const input = cleanTrackText(track);
  const valid = validateRenderOptions(options);
  const style = findStyle(valid.style);
  ensureFontsRegistered();

  const { canvas, ctx } = borrowCanvas('cover', valid.size, valid.size);
  ctx.scale(valid.size / 1000, valid.size / 1000);
  const reading = readTrack(input);
  const rng = createRandom(
    hashString(`${style.info.id}:${valid.variation}`, reading.seed),
  );
  const palette =
    valid.variation === 0
      ? reading.palette
      : buildPalette(reading, rng.fork('palette'), valid.variation);

  const specs = style.paint({
    ctx,
    pixels: valid.size,
    input,
    reading,
    palette,
    rng,
    variation: valid.variation,
  });
  const texts = setTexts(ctx, valid.size, specs, options.drawText ?? true);
  const bytes = encodeCanvas(canvas, valid.format, input.title);
  return {
    bytes,
    layout: {
      style: style.info.id,
      size: valid.size,
      format: valid.format,
      texts,
    },
  };
}

/** Renders one cover. The same input and options give the same bytes. */
export function renderCover(input: CoverInput, options: RenderOptions): Buffer {
  return renderCoverWithLayout(input, options).bytes;
}
