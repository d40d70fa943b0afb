import { sliceWindows } from './signal-slices.js';

/**
 * Peak absolute sample in each of `count` equal slices of the windows
 * played back to back (1 = full scale).
 */
export function peakWaveform(
  windows: readonly Float32Array[],
  count: number,
): number[] {
  return sliceWindows(windows, count).map((pieces) => {
    let peak = 0;
    for (const { signal, from, to } of pieces) {
      for (let i = from; i < to; i++) {
        const magnitude = Math.abs(signal[i]!);
        if (magnitude > peak) peak = magnitude;
      }
    }
    return Math.min(1, peak);
  });
}
