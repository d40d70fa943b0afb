import { ANALYSIS_RATE } from './analysis-rate.js';
import { MagnitudeSpectrum } from './magnitude-spectrum.js';

/**
 * 4096 samples at 11.025 kHz resolve 2.7 Hz, finer than a semitone above
 * about 50 Hz, so bass notes land in the right pitch class. Frames overlap
 * by half (one every 186 ms, each 371 ms long): harmony moves slower than that.
 */
const CHROMA_FRAME = 4096;
const CHROMA_HOP = 2048;
/** Pitch range folded into the chromagram: A1 (55 Hz) to about C7. */
const LOW_HZ = 55;
const HIGH_HZ = 2100;

interface BinWeight {
  bin: number;
  pitchClass: number;
  /** 1 at a semitone's centre, falling to 0 halfway to the next. */
  weight: number;
}

let binWeights: BinWeight[] | null = null;

/**
 * Sums the energy of each pitch class (C = 0 … B = 11) over every frame of
 * the windows. Each frame is normalised first, so a loud chorus does not
 * outvote the rest of the excerpt; frames under −60 dBFS are skipped.
 */
export function accumulateChroma(windows: readonly Float32Array[]): number[] {
  const chroma = new Array<number>(12).fill(0);
  const spectrum = new MagnitudeSpectrum(CHROMA_FRAME);
  const frame = new Float64Array(12);
  const weights = (binWeights ??= tabulateBinWeights());

  for (const signal of windows) {
    for (
      let start = 0;
      start + CHROMA_FRAME / 2 <= signal.length;
      start += CHROMA_HOP
    ) {
      const magnitudes = spectrum.compute(signal, start);
      frame.fill(0);
      for (const { bin, pitchClass, weight } of weights) {
        const magnitude = magnitudes[bin]!;
        frame[pitchClass]! += weight * magnitude * magnitude;
      }
      addNormalised(chroma, frame);
    }
  }
  return chroma;
}

function addNormalised(chroma: number[], frame: Float64Array): void {
  let total = 0;
  for (let pc = 0; pc < 12; pc++) total += frame[pc]!;
  // 1e-6 of squared magnitude is a pure tone at −60 dBFS.
  if (total < 1e-6) return;
  for (let pc = 0; pc < 12; pc++) chroma[pc]! += frame[pc]! / total;
}

function tabulateBinWeights(): BinWeight[] {
  const weights: BinWeight[] = [];
  const binHz = ANALYSIS_RATE / CHROMA_FRAME;
  for (let bin = Math.ceil(LOW_HZ / binHz); bin * binHz <= HIGH_HZ; bin++) {
    // MIDI note number: 69 is A4 = 440 Hz, 60 is middle C.
    const note = 69 + 12 * Math.log2((bin * binHz) / 440);
    const nearest = Math.round(note);
    const weight = Math.cos(Math.PI * (note - nearest)) ** 2;
    weights.push({ bin, pitchClass: ((nearest % 12) + 12) % 12, weight });
  }
  return weights;
}
