import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Palette } from '../color/palette.js';
import type { Random } from '../random.js';
import type { TrackReading } from '../reading/read-track.js';
import type { TextSpec } from '../typography/text-spec.js';
import type { CoverInput } from '../types.js';

export interface StyleInfo {
  id: string;
  name: string;
  description: string;
}

/**
 * Broad kinds of picture. The two covers of a task never share a kind, so
 * the pair always differs in how it is drawn, not only in colour.
 */
export type StyleKind =
  | 'geometric'
  | 'soft'
  | 'texture'
  | 'type'
  | 'data'
  | 'line'
  | 'scene'
  | 'minimal'
  | 'hand';

/** What a style paints with. The canvas is scaled to a 1000-unit square. */
export interface Scene {
  ctx: SKRSContext2D;
  /** Edge of the output in pixels. */
  pixels: number;
  input: CoverInput;
  reading: TrackReading;
  palette: Palette;
  /** Seeded by the track, the style and the variation. */
  rng: Random;
  variation: number;
}

export interface CoverStyle {
  info: StyleInfo;
  kind: StyleKind;
  /** How well the style suits a track, 0–1. */
  suitability(reading: TrackReading): number;
  /** Paints the art and says where and how the words go. */
  paint(scene: Scene): TextSpec[];
}
