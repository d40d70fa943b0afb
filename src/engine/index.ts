/**
 * Sleeve's cover art engine: reads a track (words and, when there is any,
 * measured audio) and paints covers in a choice of styles, offline and
 * deterministically.
 */
import { STYLE_REGISTRY } from './styles/registry.js';
import type { StyleInfo } from './styles/style.js';

export type { StyleInfo } from './styles/style.js';
export type {
  CoverInput,
  ImageFormat,
  RenderOptions,
  TrackText,
} from './types.js';
export type { TextBox } from './typography/text-spec.js';
export type { TrackReading } from './reading/read-track.js';
export type { TrackDescription } from './describe-track.js';
export type { ContactSheetOptions, ContactSheetRow } from './contact-sheet.js';
export type {
  CoverLayout,
  LayoutRenderOptions,
  RenderedCoverWithLayout,
} from './render-cover.js';

/** Every style, in gallery order. */
export const STYLES: readonly StyleInfo[] = STYLE_REGISTRY.map(
  (style) => style.info,
);

export { chooseStyles } from './choose-styles.js';
export { renderCover, renderCoverWithLayout } from './render-cover.js';
export { renderContactSheet } from './contact-sheet.js';
export { describeTrack } from './describe-track.js';
export { MAX_SIZE, MIN_SIZE, DEFAULT_SIZE } from './render-options.js';
