import {
  ANALYSIS_RATE,
  FRAME_HOP,
  FRAME_SIZE,
  FRAMES_PER_SEC,
} from './analysis-rate.js';
import { brightnessOf } from './brightness.js';
import { accumulateChroma } from './chroma.js';
import { energyOf } from './energy.js';
import type { AudioFeatures } from './features.js';
import { estimateKey } from './key.js';
import { levelDb, measureDynamicsDb, measureLoudnessDb } from './loudness.js';
import { onsetStrength } from './onset-strength.js';
import { pickOnsets } from './onsets.js';
import { resample, resampledLength } from './resample.js';
import { scaleToPeak } from './series.js';
import { surveySpectrum } from './spectral-survey.js';
import { spectrumBands } from './spectrum-bands.js';
import { estimateTempo } from './tempo.js';
import { peakWaveform } from './waveform.js';

const CONTOUR_SLICES = 32;
const WAVEFORM_PEAKS = 128;

/** The excerpt converted to the analysis rate, windows back to back. */
interface WorkingSignal {
  samples: Float32Array;
  windows: Float32Array[];
}

/**
 * Measures every feature from the excerpt windows of a track (mono, at
 * `sampleRate`). Windows are analysed separately where continuity matters
 * (onsets, tempo) and pooled for everything else.
 */
export function measureFeatures(
  windows: readonly Float32Array[],
  sampleRate: number,
  durationSec: number,
): AudioFeatures {
  const survey = surveySpectrum(windows, sampleRate);
  const work = toAnalysisRate(windows, sampleRate);
  const envelopes = work.windows.map(onsetStrength);
  const tempo = estimateTempo(envelopes, FRAMES_PER_SEC);
  const key = estimateKey(accumulateChroma(work.windows));

  const analysedSec = work.samples.length / ANALYSIS_RATE;
  const loudnessDb = measureLoudnessDb(work.windows);
  const onsets = onsetPositions(envelopes, work.windows);
  return {
    durationSec,
    analysedSec,
    bpm: tempo.bpm,
    bpmConfidence: tempo.confidence,
    key: key.key,
    mode: key.mode,
    keyConfidence: key.confidence,
    loudnessDb,
    energy: energyOf(loudnessDb, onsets.length / Math.max(analysedSec, 1e-9)),
    energyContour: energyContour(work.samples, onsets),
    spectralCentroidHz: survey.centroidHz,
    brightness: brightnessOf(survey.centroidHz),
    dynamicsDb: measureDynamicsDb(work.windows),
    waveform: peakWaveform(work.samples, WAVEFORM_PEAKS),
    spectrum: spectrumBands(survey),
  };
}

function toAnalysisRate(
  windows: readonly Float32Array[],
  sampleRate: number,
): WorkingSignal {
  const lengths = windows.map((w) =>
    resampledLength(w.length, sampleRate, ANALYSIS_RATE),
  );
  const samples = new Float32Array(lengths.reduce((a, b) => a + b, 0));
  const views: Float32Array[] = [];
  let offset = 0;
  windows.forEach((window, i) => {
    const view = samples.subarray(offset, offset + lengths[i]!);
    if (sampleRate === ANALYSIS_RATE) view.set(window);
    else resample(window, sampleRate, ANALYSIS_RATE, view);
    views.push(view);
    offset += view.length;
  });
  return { samples, windows: views };
}

/** Onsets as sample positions in the back-to-back working signal. */
function onsetPositions(
  envelopes: readonly Float32Array[],
  windows: readonly Float32Array[],
): number[] {
  const positions: number[] = [];
  let offset = 0;
  envelopes.forEach((envelope, i) => {
    for (const onset of pickOnsets(envelope)) {
      positions.push(offset + onset * FRAME_HOP + FRAME_SIZE / 2);
    }
    offset += windows[i]!.length;
  });
  return positions;
}

/**
 * `energyOf` for each of 32 equal slices of the excerpt, scaled to the
 * peak. A slice is about a second long, too short to count onsets in
 * steadily, so its activity is the onset rate over it and its two
 * neighbours.
 */
function energyContour(samples: Float32Array, onsets: readonly number[]) {
  const counts = new Array<number>(CONTOUR_SLICES).fill(0);
  for (const position of onsets) {
    const slice = Math.floor((position * CONTOUR_SLICES) / samples.length);
    counts[Math.min(slice, CONTOUR_SLICES - 1)]!++;
  }
  const sliceSec = samples.length / CONTOUR_SLICES / ANALYSIS_RATE;
  const energies = counts.map((_, slice) => {
    const from = Math.floor((slice * samples.length) / CONTOUR_SLICES);
    const to = Math.floor(((slice + 1) * samples.length) / CONTOUR_SLICES);
    const near = counts.slice(Math.max(0, slice - 1), slice + 2);
    const rate = near.reduce((a, b) => a + b, 0) / (near.length * sliceSec);
    return to > from ? energyOf(levelDb(samples, from, to), rate) : 0;
  });
  return scaleToPeak(energies);
}
