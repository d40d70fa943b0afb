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
import { energyContour } from './energy-contour.js';
import { measureDynamicsDb, measureLoudnessDb } from './loudness.js';
import { onsetStrength } from './onset-strength.js';
import { pickOnsets } from './onsets.js';
import { resample, resampledLength } from './resample.js';
import { surveySpectrum } from './spectral-survey.js';
import { spectrumBands } from './spectrum-bands.js';
import { estimateTempo } from './tempo.js';
import { peakWaveform } from './waveform.js';

const WAVEFORM_PEAKS = 128;

/**
 * How much signal a tempo or key needs before its confidence can be
 * believed. A beat is only a beat after several of them: with fewer than
 * eight onsets in the excerpt (a held tone, a pad swell) any period the
 * envelope's ripple suggests is chance, and a pure sine scored 0.86.
 * Both also need seconds of material: a one-second clip gave a key at
 * confidence 1.0 from three chords' worth of chroma. Below these, the
 * confidence falls in proportion, so short or beatless audio still drives
 * the art but is never printed on a cover as a fact.
 */
const ONSETS_FOR_A_BEAT = 8;
const SECONDS_FOR_EVIDENCE = 8;

/** The excerpt converted to the analysis rate, windows back to back. */
interface WorkingSignal {
  samples: Float32Array;
  windows: Float32Array[];
}

/**
 * Measures every feature from the excerpt windows of a track (mono, at
 * `sampleRate`). Tempo, onsets and key are read at the analysis rate,
 * window by window where continuity matters; levels, waveform, spectrum
 * and brightness from the windows as decoded.
 */
export function measureFeatures(
  windows: readonly Float32Array[],
  sampleRate: number,
  durationSec: number,
): AudioFeatures {
  const work = toAnalysisRate(windows, sampleRate);
  const envelopes = work.windows.map(onsetStrength);
  const tempo = estimateTempo(envelopes, FRAMES_PER_SEC);
  const key = estimateKey(accumulateChroma(work.windows));
  const onsets = onsetFractions(envelopes, work);
  const survey = surveySpectrum(windows, sampleRate);

  const analysedSec = work.samples.length / ANALYSIS_RATE;
  const loudnessDb = measureLoudnessDb(windows);
  const lengthEvidence = Math.min(1, analysedSec / SECONDS_FOR_EVIDENCE);
  const beatEvidence = Math.min(1, onsets.length / ONSETS_FOR_A_BEAT);
  return {
    durationSec,
    analysedSec,
    bpm: tempo.bpm,
    bpmConfidence: tempo.confidence * lengthEvidence * beatEvidence,
    key: key.key,
    mode: key.mode,
    keyConfidence: key.confidence * lengthEvidence,
    loudnessDb,
    energy: energyOf(loudnessDb, onsets.length / Math.max(analysedSec, 1e-9)),
    energyContour: energyContour(windows, sampleRate, onsets),
    spectralCentroidHz: survey.centroidHz,
    brightness: brightnessOf(survey.centroidHz),
    dynamicsDb: measureDynamicsDb(windows, sampleRate),
    waveform: peakWaveform(windows, WAVEFORM_PEAKS),
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

/** Onset times as fractions (0–1) of the whole excerpt. */
function onsetFractions(
  envelopes: readonly Float32Array[],
  work: WorkingSignal,
): number[] {
  const fractions: number[] = [];
  const total = Math.max(1, work.samples.length);
  let offset = 0;
  envelopes.forEach((envelope, i) => {
    for (const onset of pickOnsets(envelope)) {
      const centre = offset + onset * FRAME_HOP + FRAME_SIZE / 2;
      fractions.push(Math.min(1, centre / total));
    }
    offset += work.windows[i]!.length;
  });
  return fractions;
}
