/**
 * What Sleeve measures in a track's audio. Every figure is computed from a
 * bounded excerpt of the decoded signal (by default 30 s in three 10 s
 * windows spread over the track; see `ExcerptOptions`), so the cost does
 * not grow with the length of the track.
 */
export interface AudioFeatures {
  /**
   * Length of the whole track, in seconds. Read from the container (WAV
   * header, MP3 frame count and encoder tag, Ogg granule position) when
   * only the excerpt was decoded.
   */
  durationSec: number;
  /** Length of the excerpt that was analysed, in seconds. */
  analysedSec: number;
  /**
   * Estimated tempo in beats per minute, folded into 60–200 and, where the
   * pulse allows, into 70–180. 120 (with confidence 0) when nothing pulses.
   */
  bpm: number;
  /**
   * How sure the tempo estimate is, 0 (guess) to 1 (clear pulse): the
   * mean normalised autocorrelation of the onset envelope at one to four
   * beat periods (0.15–0.7 on the shared recordings).
   */
  bpmConfidence: number;
  /** Tonic pitch class of the estimated key. */
  key: PitchClass;
  mode: 'major' | 'minor';
  /**
   * How sure the key estimate is, 0 to 1: the lead of the best key profile
   * over the runner-up, damped for flat (noise-like) chromagrams. Under
   * about 0.2 the key is a guess (modal, modulating or atonal music).
   */
  keyConfidence: number;
  /**
   * RMS level of the excerpt in dBFS (≤ 0; a full-scale sine is −3),
   * ungated, floored at −100 for silence.
   */
  loudnessDb: number;
  /**
   * Overall energy, 0 (near silence) to 1 (dense, loud): loudness mapped
   * from −45…−10 dBFS to 0…1, times 0.5 + 0.5 × onset density (onsets per
   * second over 6, capped at 1).
   */
  energy: number;
  /**
   * Energy over the excerpt in equal time slices (32 values, 0–1, scaled to
   * the excerpt's own peak), for shaping a composition. With the default
   * spread excerpt the slices follow the whole track: about 11 slices for
   * each of its beginning, middle and end.
   */
  energyContour: number[];
  /**
   * Mean spectral centroid in Hz of the non-silent frames, counting
   * frequencies up to 11 kHz only (so the file's sample rate does not
   * matter).
   */
  spectralCentroidHz: number;
  /**
   * Spectral centroid mapped to 0 (dark) – 1 (bright) on a log scale:
   * 200 Hz and below is 0, 6 kHz (about white noise) and above is 1.
   */
  brightness: number;
  /**
   * Dynamic range: loud frames minus quiet frames, in dB (the 95th minus
   * the 10th percentile of 400 ms block levels, blocks floored at −80
   * dBFS).
   */
  dynamicsDb: number;
  /**
   * A coarse waveform for drawing: 128 peak values (0–1) evenly spread over
   * the excerpt. Absolute sample peaks (1 = full scale), not normalised, so
   * a quiet recording draws small.
   */
  waveform: number[];
  /**
   * A coarse long-term spectrum for drawing: 32 log-spaced bands from about
   * 40 Hz to 16 kHz, each 0–1: the band's mean power in dB relative to the
   * loudest band, −60 dB and below drawn as 0. Bands above the file's
   * Nyquist frequency are 0.
   */
  spectrum: number[];
}

export type PitchClass =
  'C' | 'C#' | 'D' | 'D#' | 'E' | 'F' | 'F#' | 'G' | 'G#' | 'A' | 'A#' | 'B';
