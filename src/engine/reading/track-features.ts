import type { PitchClass } from '../../audio/features.js';
import { PITCH_CLASSES } from '../../audio/key.js';

/**
 * The musical figures the styles draw from. For a track with audio they are
 * measured; otherwise they are stand-ins derived from the text, so every
 * style can be driven the same way.
 */
export interface TrackFeatures {
  bpm: number;
  /** Where the tempo came from. */
  bpmSource: 'audio' | 'tags' | 'text';
  /** 0 calm – 1 dense and loud. */
  energy: number;
  key: PitchClass;
  mode: 'major' | 'minor';
  /**
   * How much the mode may say about the palette's temperature, 0–1: high
   * for a key the analysis is sure of, low for a guess, and middling for
   * a mode guessed from the words (which already speak through the mood).
   */
  modeWeight: number;
  /** 0 dark – 1 bright (spectral centroid). */
  brightness: number;
  /** 32 values 0–1: the energy over the track, for shaping compositions. */
  contour: number[];
  /** 128 peaks 0–1. */
  waveform: number[];
  /** 32 log-spaced bands 0–1. */
  spectrum: number[];
  /** Dynamic range mapped to 0 (flat) – 1 (wide). */
  dynamics: number;
  /** Length in seconds, when known. */
  durationSec: number | null;
  fromAudio: boolean;
}

// The pitch classes in order are the analysis's own list.
export { PITCH_CLASSES };

/** Position of a key on the circle of fifths, 0 (C) to 11 (F). */
export function fifthsIndex(key: PitchClass): number {
  return (PITCH_CLASSES.indexOf(key) * 7) % 12;
}
