/** Sub-sample positions the interpolation kernel is tabulated at. */
const PHASES = 256;
/** Zero crossings of the windowed sinc on each side of its centre. */
const ZERO_CROSSINGS = 2;

interface Kernel {
  taps: number;
  /** PHASES rows of `taps` weights, each row summing to 1. */
  table: Float64Array;
}

const kernels = new Map<string, Kernel>();

/**
 * Converts a signal to another sample rate with a short Hann-windowed sinc
 * (two zero crossings a side), low-passed at the lower Nyquist. That is
 * far from mastering grade, but the converted signal only feeds the onset
 * envelope and the chromagram (≤ 2.1 kHz), and what aliases through lands
 * near the top of the band, away from both; levels, waveform and spectrum
 * are measured before conversion. It costs about four multiply-adds per
 * input sample. The input is returned as is when the rates match.
 */
export function resample(
  input: Float32Array,
  fromRate: number,
  toRate: number,
  output = new Float32Array(Math.floor((input.length * toRate) / fromRate)),
): Float32Array {
  if (fromRate === toRate) return input;
  const step = fromRate / toRate;
  const { taps, table } = kernelFor(step);
  const reach = taps / 2 - 1;

  const last = input.length - taps;
  for (let n = 0; n < output.length; n++) {
    const position = n * step;
    const base = Math.floor(position);
    const first = base - reach;
    const row = ((position - base) * PHASES) | 0;
    output[n] =
      first >= 0 && first <= last
        ? dot(table, row * taps, input, first, taps)
        : edgeSample(input, table, row * taps, taps, first);
  }
  return output;
}

function dot(
  table: Float64Array,
  row: number,
  input: Float32Array,
  first: number,
  taps: number,
): number {
  let sum = 0;
  for (let t = 0; t < taps; t++) sum += table[row + t]! * input[first + t]!;
  return sum;
}

/** One output sample whose kernel hangs over an end of the input. */
function edgeSample(
  input: Float32Array,
  table: Float64Array,
  row: number,
  taps: number,
  first: number,
): number {
  let sum = 0;
  for (let t = 0; t < taps; t++) {
    const i = first + t;
    if (i >= 0 && i < input.length) sum += table[row + t]! * input[i]!;
  }
  return sum;
}

/** The number of output samples `resample` makes from `length` inputs. */
export function resampledLength(
  length: number,
  fromRate: number,
  toRate: number,
): number {
  return fromRate === toRate
    ? length
    : Math.floor((length * toRate) / fromRate);
}

function kernelFor(step: number): Kernel {
  const key = step.toFixed(6);
  let kernel = kernels.get(key);
  if (kernel === undefined) {
    kernel = buildKernel(step);
    kernels.set(key, kernel);
  }
  return kernel;
}

function buildKernel(step: number): Kernel {
  // Downsampling stretches the kernel to cut at the output's Nyquist.
  const stretch = Math.max(1, step);
  const halfWidth = ZERO_CROSSINGS * stretch;
  const taps = 2 * Math.ceil(halfWidth);
  const reach = taps / 2 - 1;
  const table = new Float64Array(PHASES * taps);

  for (let phase = 0; phase < PHASES; phase++) {
    const frac = phase / PHASES;
    let total = 0;
    for (let t = 0; t < taps; t++) {
      const weight = windowedSinc((t - reach - frac) / stretch, ZERO_CROSSINGS);
      table[phase * taps + t] = weight;
      total += weight;
    }
    for (let t = 0; t < taps; t++) table[phase * taps + t]! /= total;
  }
  return { taps, table };
}

function windowedSinc(x: number, zeroCrossings: number): number {
  if (Math.abs(x) >= zeroCrossings) return 0;
  const hann = 0.5 + 0.5 * Math.cos((Math.PI * x) / zeroCrossings);
  if (x === 0) return hann;
  return (hann * Math.sin(Math.PI * x)) / (Math.PI * x);
}
