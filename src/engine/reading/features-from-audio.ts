import type { AudioFeatures } from '../../audio/features.js';
import { PITCH_CLASSES, type TrackFeatures } from './track-features.js';
import { clamp, clampSeries, resample } from './resample.js';

/**
 * Measured energy and brightness crowd into the middle of their scales:
 * real mixed music sits at about 0.55–0.8 energy and 0.3–0.8 brightness.
 * These spans are stretched to the engine's 0–1 so that the difference
 * between a calm and a driving track is a difference one sees.
 */
const ENERGY_SPAN = { from: 0.35, to: 0.85 };
const BRIGHTNESS_SPAN = { from: 0.2, to: 0.85 };

/**
 * Takes measured features, stretching energy and brightness to the
 * engine's scale and guarding against malformed arrays or values out of
 * range (the analysis runs on arbitrary uploads, and a cover must still
 * render).
 */
export function featuresFromAudio(audio: AudioFeatures): TrackFeatures {
  const key = PITCH_CLASSES.includes(audio.key) ? audio.key : 'C';
  return {
    bpm: clamp(audio.bpm, 40, 240),
    bpmSource: 'audio',
    energy: stretch(audio.energy, ENERGY_SPAN),
    key,
    mode: audio.mode === 'minor' ? 'minor' : 'major',
    // A key under about 0.2 confidence is a guess (see AudioFeatures).
    modeWeight: clamp(0.35 + 1.6 * (audio.keyConfidence || 0), 0.35, 1),
    brightness: stretch(audio.brightness, BRIGHTNESS_SPAN),
    contour: clampSeries(resample(audio.energyContour, 32)),
    waveform: clampSeries(resample(audio.waveform, 128)),
    spectrum: clampSeries(resample(audio.spectrum, 32)),
    dynamics: clamp(audio.dynamicsDb / 30, 0, 1),
    durationSec: Number.isFinite(audio.durationSec) ? audio.durationSec : null,
    fromAudio: true,
  };
}

function stretch(value: number, span: { from: number; to: number }): number {
  return clamp((value - span.from) / (span.to - span.from), 0, 1);
}
