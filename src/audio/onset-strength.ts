import { ANALYSIS_RATE, FRAME_HOP, FRAME_SIZE } from './analysis-rate.js';
import { MagnitudeSpectrum } from './magnitude-spectrum.js';

/**
 * Levels are log-compressed before differencing, so a rise from silence
 * to a soft note counts about as much as a loud note over a soft one (how
 * onsets are heard). 1000 puts the knee at −60 dBFS.
 */
const COMPRESSION = 1000;
/**
 * Bins are pooled into quarter-octave bands from 40 Hz before the log, as
 * the ear pools them; it also spares three logarithms in four.
 */
const BANDS_PER_OCTAVE = 4;
const LOWEST_BAND_HZ = 40;

/**
 * The onset-strength envelope of a window at the analysis rate: for each
 * frame, the spectral flux, i.e. the mean over bands of how much the
 * log-compressed band magnitude rose since the previous frame (falls count
 * as nothing).
 */
export function onsetStrength(signal: Float32Array): Float32Array {
  const count = Math.max(
    0,
    Math.floor((signal.length - FRAME_SIZE) / FRAME_HOP) + 1,
  );
  const strength = new Float32Array(count);
  const spectrum = new MagnitudeSpectrum(FRAME_SIZE);
  const bandOfBin = bandTable(spectrum.magnitudes.length);
  const bands = bandOfBin[bandOfBin.length - 1]! + 1;
  let previous = new Float64Array(bands);
  let current = new Float64Array(bands);

  for (let frame = 0; frame < count; frame++) {
    const magnitudes = spectrum.compute(signal, frame * FRAME_HOP);
    current.fill(0);
    for (let k = 1; k < bandOfBin.length; k++) {
      current[bandOfBin[k]!]! += magnitudes[k]!;
    }
    let flux = 0;
    for (let band = 0; band < bands; band++) {
      current[band] = Math.log1p(COMPRESSION * current[band]!);
      const rise = current[band]! - previous[band]!;
      if (rise > 0) flux += rise;
    }
    // The first frame has nothing before it; it is not an onset.
    strength[frame] = frame === 0 ? 0 : flux / bands;
    [previous, current] = [current, previous];
  }
  return strength;
}

/** The band of every bin; bins below the lowest band join band 0. */
function bandTable(bins: number): Uint8Array {
  const table = new Uint8Array(bins);
  const binHz = ANALYSIS_RATE / FRAME_SIZE;
  for (let k = 1; k < bins; k++) {
    const octaves = Math.log2((k * binHz) / LOWEST_BAND_HZ);
    table[k] = Math.max(0, Math.floor(BANDS_PER_OCTAVE * octaves));
  }
  return table;
}
