import { ANALYSIS_RATE } from './analysis-rate.js';
import { MagnitudeSpectrum } from './magnitude-spectrum.js';

/**
 * 4096 samples at 11.025 kHz resolve 2.7 Hz, finer than a semitone above
 * about 50 Hz, so bass notes land in the right pitch class. Frames overlap
 * by half (one every 186 ms, each 371 ms long): harmony moves slower.
 */
const CHROMA_FRAME = 4096;
const CHROMA_HOP = 2048;
/** Pitch range folded into the chromagram: A1 (55 Hz) to about C7. */
const LOW_HZ = 55;
const HIGH_HZ = 2100;
/** 1e-3 of magnitude is a pure tone at −60 dBFS: quieter frames are skipped. */
const SILENT_FRAME = 1e-3;

/** A spectral peak: a local maximum of the magnitude spectrum. */
interface Peak {
  frame: number;
  /** Fractional MIDI note number of the peak's interpolated frequency. */
  note: number;
  magnitude: number;
}

/**
 * Sums how strongly each pitch class (C = 0 … B = 11) sounds over every
 * frame of the windows. Only spectral peaks count (the flat floor of drums
 * and noise adds nothing to a pitch class), by magnitude, each folded to
 * its nearest semitone after the track's own tuning is taken out (synths
 * and old recordings are often a fraction of a semitone off A440). Each
 * frame is normalised, so a loud chorus does not outvote the rest.
 */
export function accumulateChroma(windows: readonly Float32Array[]): number[] {
  const peaks = findPeaks(windows);
  const tuning = estimateTuning(peaks);
  const chroma = new Array<number>(12).fill(0);
  const frame = new Array<number>(12).fill(0);
  let current = -1;

  for (const peak of [...peaks, null]) {
    if (peak === null || peak.frame !== current) {
      addNormalised(chroma, frame);
      frame.fill(0);
      if (peak === null) break;
      current = peak.frame;
    }
    const note = peak.note - tuning;
    const nearest = Math.round(note);
    const weight = Math.cos(Math.PI * (note - nearest)) ** 2;
    frame[((nearest % 12) + 12) % 12]! += weight * peak.magnitude;
  }
  return chroma;
}

function findPeaks(windows: readonly Float32Array[]): Peak[] {
  const spectrum = new MagnitudeSpectrum(CHROMA_FRAME);
  const binHz = ANALYSIS_RATE / CHROMA_FRAME;
  const low = Math.ceil(LOW_HZ / binHz);
  const high = Math.floor(HIGH_HZ / binHz);
  const peaks: Peak[] = [];
  let frame = 0;

  for (const signal of windows) {
    for (let at = 0; at + CHROMA_FRAME / 2 <= signal.length; at += CHROMA_HOP) {
      const m = spectrum.compute(signal, at);
      for (let k = low; k <= high; k++) {
        if (!(m[k]! > m[k - 1]! && m[k]! >= m[k + 1]!)) continue;
        const offset = peakOffset(m[k - 1]!, m[k]!, m[k + 1]!);
        const hz = (k + offset) * binHz;
        // MIDI note number: 69 is A4 = 440 Hz, 60 is middle C.
        peaks.push({
          frame,
          note: 69 + 12 * Math.log2(hz / 440),
          magnitude: m[k]!,
        });
      }
      frame++;
    }
  }
  return peaks;
}

/** Where between bins a peak really lies (parabolic fit), −0.5…0.5. */
function peakOffset(before: number, peak: number, after: number): number {
  const curvature = before - 2 * peak + after;
  return curvature < 0 ? (0.5 * (before - after)) / curvature : 0;
}

/**
 * The track's offset from A440 tuning in semitones (−0.5…0.5): the
 * magnitude-weighted circular mean of how far the peaks sit from the
 * nearest equal-tempered semitone.
 */
function estimateTuning(peaks: readonly Peak[]): number {
  let x = 0;
  let y = 0;
  for (const { note, magnitude } of peaks) {
    const angle = 2 * Math.PI * (note - Math.round(note));
    x += magnitude * Math.cos(angle);
    y += magnitude * Math.sin(angle);
  }
  return x === 0 && y === 0 ? 0 : Math.atan2(y, x) / (2 * Math.PI);
}

function addNormalised(chroma: number[], frame: readonly number[]): void {
  let total = 0;
  for (let pc = 0; pc < 12; pc++) total += frame[pc]!;
  if (total < SILENT_FRAME) return;
  for (let pc = 0; pc < 12; pc++) chroma[pc]! += frame[pc]! / total;
}
