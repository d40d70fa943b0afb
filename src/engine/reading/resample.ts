/** Resamples a series to n values by linear interpolation. */
export function resample(values: readonly number[], n: number): number[] {
  if (values.length === 0) return new Array<number>(n).fill(0);
  if (values.length === 1) return new Array<number>(n).fill(values[0] ?? 0);
  return Array.from({ length: n }, (_, i) => sampleAt(values, i / (n - 1)));
}

/** The series' value at t in [0, 1], interpolated. */
export function sampleAt(values: readonly number[], t: number): number {
  const pos = Math.min(1, Math.max(0, t)) * (values.length - 1);
  const lo = Math.floor(pos);
  const a = values[lo] ?? 0;
  const b = values[Math.min(values.length - 1, lo + 1)] ?? a;
  return a + (b - a) * (pos - lo);
}

/** A moving average over radius neighbours each side, edges held. */
export function smooth(values: readonly number[], radius: number): number[] {
  return values.map((_, i) => {
    let sum = 0;
    let count = 0;
    for (let j = i - radius; j <= i + radius; j++) {
      const value = values[Math.min(values.length - 1, Math.max(0, j))];
      sum += value ?? 0;
      count++;
    }
    return sum / count;
  });
}

/** Clamps every value to 0–1, replacing anything not finite with 0. */
export function clampSeries(values: readonly number[]): number[] {
  return values.map((v) =>
    Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0,
  );
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Number.isFinite(x) ? x : lo));
}
