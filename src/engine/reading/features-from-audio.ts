import type { AudioFeatures } from '../../audio/features.js';
import { PITCH_CLASSES, type TrackFeatures } from './track-features.js';
import { clamp, clampSeries, resample } from './resample.js';

/**
 * Takes measured features as they are, only guarding the engine against
 * malformed arrays or values out of range (the analysis runs on arbitrary
 * uploads, and a cover must still render).
 */
export function featuresFromAudio(audio: AudioFeatures): TrackFeatures {
  const key = PITCH_CLASSES.includes(audio.key) ? audio.key : 'C';
  return {
    bpm: clamp(audio.bpm, 40, 240),
    bpmSource: 'audio',
    energy: clamp(audio.energy, 0, 1),
    key,
    mode: audio.mode === 'minor' ? 'minor' : 'major',
    brightness: clamp(audio.brightness, 0, 1),
    contour: clampSeries(resample(audio.energyContour, 32)),
    waveform: clampSeries(resample(audio.waveform, 128)),
    spectrum: clampSeries(resample(audio.spectrum, 32)),
    dynamics: clamp(audio.dynamicsDb / 30, 0, 1),
    durationSec: Number.isFinite(audio.durationSec) ? audio.durationSec : null,
    fromAudio: true,
  };
}
