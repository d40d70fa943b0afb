import type { FaceRequest } from './font-stack.js';

/** A rectangle in the 1000-unit cover space. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type TextRole = 'title' | 'artist' | 'label';

/** How a style wants a piece of text set. The engine does the setting. */
export interface TextSpec {
  role: TextRole;
  text: string;
  /** The area the text must fit inside (never spills out of it). */
  box: Rect;
  /**
   * Left and right are where lines start and end, so right-to-left text
   * flips them; with `anchored` they are the box's own sides, for a
   * column that hangs from one edge of the cover whatever its script.
   */
  align: 'left' | 'center' | 'right';
  anchored?: boolean;
  /** Where the block sits vertically inside the box. */
  valign: 'top' | 'middle' | 'bottom';
  /** Faces in order of preference; the first with all the letters leads. */
  faces: readonly FaceRequest[];
  /** Largest and smallest size in cover units (1000 = the edge). */
  maxSize: number;
  minSize: number;
  maxLines: number;
  /** Line advance as a multiple of the size. */
  lineHeight: number;
  /** Letter spacing in em, for scripts that take it. */
  tracking?: number;
  uppercase?: boolean;
  /** Each extra line must buy this much size to be preferred (0–1). */
  linePenalty?: number;
  /** Text colours in order of preference; the first legible one wins. */
  colors: readonly string[];
  /** What to lay behind the text when no colour is legible on the art. */
  plate: PlateSpec;
}

export interface PlateSpec {
  kind: 'box' | 'band' | 'soft';
  /** Plate colours to try; the engine picks the one giving most contrast. */
  colors: readonly string[];
  /** Padding around the text in em. */
  padding?: number;
  radius?: number;
}

/** A set block of text: where it went, in output pixels, and how it reads. */
export interface TextBox {
  role: TextRole;
  text: string;
  lines: string[];
  /** Ink bounds in output pixels. */
  x: number;
  y: number;
  w: number;
  h: number;
  fontSizePx: number;
  fontStack: string[];
  color: string;
  direction: 'ltr' | 'rtl';
  /** The worst contrast of the text colour against the pixels behind it. */
  contrast: number;
  plate: boolean;
}
