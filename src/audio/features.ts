/**
 * What Sleeve measures in a track's audio. Every figure is computed from a
 * bounded excerpt of the decoded signal, so the cost does not grow with the
 * length of the track.
 */
export interface AudioFeatures {
  /** Length of the whole decoded track, in seconds. */
  durationSec: number;
  /** Length of the excerpt that was analysed, in seconds. */
  analysedSec: number;
  /** Estimated tempo in beats per minute, folded into 60–200. */
  bpm: number;
  /** How sure the tempo estimate is, 0 (guess) to 1 (clear pulse). */
  bpmConfidence: number;
  /** Tonic pitch class of the estimated key. */
  key: PitchClass;
  mode: 'major' | 'minor';
  /** How sure the key estimate is, 0 to 1. */
  keyConfidence: number;
  /** Integrated loudness of the excerpt in dBFS (RMS based, ≤ 0). */
  loudnessDb: number;
  /** Overall energy, 0 (near silence) to 1 (dense, loud). */
  energy: number;
  /**
   * Energy over the excerpt in equal time slices (32 values, 0–1, scaled to
   * the excerpt's own peak), for shaping a composition.
   */
  energyContour: number[];
  /** Mean spectral centroid in Hz. */
  spectralCentroidHz: number;
  /** Spectral centroid mapped to 0 (dark) – 1 (bright). */
  brightness: number;
  /** Dynamic range: loud frames minus quiet frames, in dB. */
  dynamicsDb: number;
  /**
   * A coarse waveform for drawing: 128 peak values (0–1) evenly spread over
   * the excerpt.
   */
  waveform: number[];
  /**
   * A coarse long-term spectrum for drawing: 32 log-spaced bands from about
   * 40 Hz to 16 kHz, each 0–1.
   */
  spectrum: number[];
}

export type PitchClass =
  'C' | 'C#' | 'D' | 'D#' | 'E' | 'F' | 'F#' | 'G' | 'G#' | 'A' | 'A#' | 'B';
