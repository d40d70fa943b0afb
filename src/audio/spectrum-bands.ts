import { clamp01, powerToDb } from './series.js';
import type { SpectralSurvey } from './spectral-survey.js';

export const SPECTRUM_BANDS = 32;
const LOW_HZ = 40;
const HIGH_HZ = 16000;
/** The drawn range: bands this far under the loudest band show as 0. */
const RANGE_DB = 60;

/**
 * The long-term spectrum in 32 log-spaced bands from 40 Hz to 16 kHz.
 * Each band is its mean power per bin in dB relative to the loudest band,
 * mapped from −60…0 dB to 0…1. Bands above the file's Nyquist frequency
 * (11.025 kHz for a 22.05 kHz file) are 0.
 */
export function spectrumBands(survey: SpectralSurvey): number[] {
  const nyquist = (survey.power.length - 1) * survey.binHz;
  const bandDb = bandEdges().map(([low, high]) =>
    low >= nyquist ? -Infinity : bandPowerDb(survey, low, high),
  );
  const loudest = Math.max(...bandDb);
  if (!Number.isFinite(loudest)) return bandDb.map(() => 0);
  return bandDb.map((db) => clamp01(1 + (db - loudest) / RANGE_DB));
}

function bandEdges(): [number, number][] {
  const ratio = HIGH_HZ / LOW_HZ;
  const edges: [number, number][] = [];
  for (let band = 0; band < SPECTRUM_BANDS; band++) {
    edges.push([
      LOW_HZ * ratio ** (band / SPECTRUM_BANDS),
      LOW_HZ * ratio ** ((band + 1) / SPECTRUM_BANDS),
    ]);
  }
  return edges;
}

/**
 * Mean power of the bins centred in [low, high), or the power interpolated
 * at the band's centre when the band is narrower than a bin; in dB, and
 * -Infinity for a band with no energy.
 */
function bandPowerDb(survey: SpectralSurvey, low: number, high: number) {
  const { power, binHz } = survey;
  const first = Math.ceil(low / binHz);
  const last = Math.min(Math.ceil(high / binHz) - 1, power.length - 1);
  let mean = 0;
  if (last >= first) {
    for (let k = first; k <= last; k++) mean += power[k]!;
    mean /= last - first + 1;
  } else {
    mean = interpolate(power, Math.sqrt(low * high) / binHz);
  }
  return powerToDb(mean, -Infinity);
}

function interpolate(power: Float64Array, at: number): number {
  const low = Math.min(Math.floor(at), power.length - 2);
  const t = at - low;
  return power[low]! * (1 - t) + power[low + 1]! * t;
}
