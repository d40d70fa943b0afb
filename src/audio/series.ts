/** Small numeric helpers over arrays of samples or frame values. */

export function clamp01(value: number): number {
  return value <= 0 ? 0 : value >= 1 ? 1 : value;
}

/** The value below which `fraction` (0–1) of `values` lie, interpolated. */
export function percentile(values: ArrayLike<number>, fraction: number) {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const position = clamp01(fraction) * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  const t = position - low;
  return sorted[low]! * (1 - t) + sorted[high]! * t;
}

/** Mean of each of `count` equal slices of `values` (slices may be empty). */
export function sliceMeans(values: ArrayLike<number>, count: number) {
  const means = new Array<number>(count).fill(0);
  for (let slice = 0; slice < count; slice++) {
    const from = Math.floor((slice * values.length) / count);
    const to = Math.floor(((slice + 1) * values.length) / count);
    let sum = 0;
    for (let i = from; i < to; i++) sum += values[i]!;
    means[slice] = to > from ? sum / (to - from) : 0;
  }
  return means;
}

/** `values` divided by their largest value (all zeros stay zeros). */
export function scaleToPeak(values: number[]): number[] {
  const peak = Math.max(0, ...values);
  return peak > 0 ? values.map((value) => value / peak) : values;
}

/** Converts a power ratio to decibels, floored at `floorDb`. */
export function powerToDb(power: number, floorDb: number): number {
  return power > 0 ? Math.max(floorDb, 10 * Math.log10(power)) : floorDb;
}
