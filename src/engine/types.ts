import type { AudioFeatures } from '../audio/features.js';

/** The words of a track that the art engine reads. */
export interface TrackText {
  title: string;
  /** Empty when unknown. */
  artist: string;
  /** Free-text style tags, e.g. "dark synthwave, female vocals, 120 bpm". */
  tags: string;
  /** Lyrics with [Verse]/[Chorus] markers, or a description; may be empty. */
  lyrics: string;
}

/** Everything a cover is made from. */
export interface CoverInput extends TrackText {
  /** Measured audio features, or null for a track without audio. */
  audio: AudioFeatures | null;
}

export type ImageFormat = 'png' | 'jpeg' | 'webp';

export interface RenderOptions {
  /** Style id, one of the engine's registered styles. */
  style: string;
  /** Edge length in pixels; covers are square. Default 1024, at most 3000. */
  size?: number;
  /** Default 'png'. */
  format?: ImageFormat;
  /**
   * Variation number: 0 is the track's canonical cover; other values give
   * deterministic alternatives.
   */
  variation?: number;
}
