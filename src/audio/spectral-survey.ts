import { MagnitudeSpectrum } from './magnitude-spectrum.js';

/** What a sparse look at the excerpt's spectrum at the file's rate finds. */
export interface SpectralSurvey {
  /** Mean power of each FFT bin over the surveyed frames. */
  power: Float64Array;
  /** Width of one bin in Hz. */
  binHz: number;
  /** Mean spectral centroid in Hz of the frames that are not silent. */
  centroidHz: number;
}

/**
 * Frames looked at per window, evenly spaced. Averages of spectra settle
 * fast, so 24 frames of 170 ms (about 4 s of every 10 s) are plenty.
 */
const FRAMES_PER_WINDOW = 24;
/**
 * The centroid counts bins up to 11.025 kHz only, so that the same music
 * gives the same brightness from a 22.05 kHz file and from a 48 kHz one.
 */
const CENTROID_LIMIT_HZ = 11025;
/**
 * Frames quieter than −60 dBFS RMS have no meaningful centroid. With the
 * scaling of `MagnitudeSpectrum`, the sum of squared magnitudes of a Hann
 * frame is about three times the frame's mean square.
 */
const SILENT_POWER_SUM = 3e-6;

/**
 * Surveys the spectrum of the windows at their own sample rate with long
 * frames (about 170 ms, rounded to a power of two: 8192 samples at 44.1 or
 * 48 kHz), for the drawn spectrum and the brightness.
 */
export function surveySpectrum(
  windows: readonly Float32Array[],
  sampleRate: number,
): SpectralSurvey {
  const size = 2 ** Math.round(Math.log2(sampleRate * 0.17));
  const spectrum = new MagnitudeSpectrum(size);
  const binHz = sampleRate / size;
  const lastBin = Math.min(
    spectrum.magnitudes.length - 1,
    Math.floor(CENTROID_LIMIT_HZ / binHz),
  );
  const power = new Float64Array(spectrum.magnitudes.length);
  let frames = 0;
  let centroids = 0;
  let centroidSum = 0;

  for (const signal of windows) {
    const room = Math.max(0, signal.length - size);
    for (let frame = 0; frame < FRAMES_PER_WINDOW; frame++) {
      const start = Math.floor(((frame + 0.5) * room) / FRAMES_PER_WINDOW);
      const magnitudes = spectrum.compute(signal, start);
      addPower(power, magnitudes);
      frames++;
      const centroid = frameCentroid(magnitudes, binHz, lastBin);
      if (centroid > 0) {
        centroidSum += centroid;
        centroids++;
      }
    }
  }
  if (frames > 0) for (let k = 0; k < power.length; k++) power[k]! /= frames;
  return {
    power,
    binHz,
    centroidHz: centroids > 0 ? centroidSum / centroids : 0,
  };
}

function addPower(power: Float64Array, magnitudes: Float64Array): void {
  for (let k = 0; k < power.length; k++) {
    power[k]! += magnitudes[k]! * magnitudes[k]!;
  }
}

/** Magnitude-weighted mean frequency of bins 1..lastBin; 0 when silent. */
function frameCentroid(
  magnitudes: Float64Array,
  binHz: number,
  lastBin: number,
): number {
  let weighted = 0;
  let total = 0;
  let powerSum = 0;
  for (let k = 1; k <= lastBin; k++) {
    const magnitude = magnitudes[k]!;
    weighted += k * magnitude;
    total += magnitude;
    powerSum += magnitude * magnitude;
  }
  return powerSum > SILENT_POWER_SUM ? (weighted / total) * binHz : 0;
}
