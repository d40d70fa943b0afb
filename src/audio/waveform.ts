/** Peak absolute sample in each of `count` equal slices (1 = full scale). */
export function peakWaveform(signal: Float32Array, count: number): number[] {
  const peaks = new Array<number>(count).fill(0);
  for (let slice = 0; slice < count; slice++) {
    const from = Math.floor((slice * signal.length) / count);
    const to = Math.floor(((slice + 1) * signal.length) / count);
    let peak = 0;
    for (let i = from; i < to; i++) {
      const magnitude = Math.abs(signal[i]!);
      if (magnitude > peak) peak = magnitude;
    }
    peaks[slice] = Math.min(1, peak);
  }
  return peaks;
}
