import FFT from 'fft.js';

/**
 * Hann-windowed magnitude spectra of fixed-size frames. One instance owns
 * its FFT tables and buffers and reuses them for every frame, so a whole
 * analysis allocates them once.
 */
export class MagnitudeSpectrum {
  readonly size: number;
  /** Magnitudes of bins 0..size/2, scaled so a full-scale sine peaks near 1. */
  readonly magnitudes: Float64Array;
  private readonly fft: FFT;
  private readonly window: Float64Array;
  private readonly frame: Float64Array;
  private readonly complex: number[];

  constructor(size: number) {
    this.size = size;
    this.fft = new FFT(size);
    this.window = hannWindow(size);
    this.frame = new Float64Array(size);
    this.complex = this.fft.createComplexArray();
    this.magnitudes = new Float64Array(size / 2 + 1);
  }

  /**
   * Computes the spectrum of `size` samples of `signal` from `start`;
   * samples past either end count as silence.
   */
  compute(signal: Float32Array, start: number): Float64Array {
    const { frame, window, size } = this;
    for (let i = 0; i < size; i++) {
      const at = start + i;
      frame[i] = at >= 0 && at < signal.length ? signal[at]! * window[i]! : 0;
    }
    this.fft.realTransform(this.complex, frame);

    // A Hann window's gain is 1/2 and a sine splits between ± frequencies.
    const scale = 4 / size;
    const { complex, magnitudes } = this;
    for (let k = 0; k < magnitudes.length; k++) {
      const re = complex[2 * k]!;
      const im = complex[2 * k + 1]!;
      magnitudes[k] = Math.sqrt(re * re + im * im) * scale;
    }
    return magnitudes;
  }
}

function hannWindow(size: number): Float64Array {
  const window = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size);
  }
  return window;
}
