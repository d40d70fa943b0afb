/** A piece of one window that belongs to a slice. */
export interface SlicePiece {
  signal: Float32Array;
  from: number;
  to: number;
}

/**
 * Splits windows played back to back into `count` equal slices and lists,
 * for each slice, the pieces of windows it covers; no samples are copied.
 */
export function sliceWindows(
  windows: readonly Float32Array[],
  count: number,
): SlicePiece[][] {
  const total = windows.reduce((sum, window) => sum + window.length, 0);
  const slices: SlicePiece[][] = [];
  for (let slice = 0; slice < count; slice++) {
    const from = Math.floor((slice * total) / count);
    const to = Math.floor(((slice + 1) * total) / count);
    slices.push(piecesBetween(windows, from, to));
  }
  return slices;
}

function piecesBetween(
  windows: readonly Float32Array[],
  from: number,
  to: number,
): SlicePiece[] {
  const pieces: SlicePiece[] = [];
  let offset = 0;
  for (const signal of windows) {
    const start = Math.max(from, offset);
    const end = Math.min(to, offset + signal.length);
    if (end > start) {
      pieces.push({ signal, from: start - offset, to: end - offset });
    }
    offset += signal.length;
  }
  return pieces;
}

/** Mean square of the samples in `pieces` (0 when there are none). */
export function meanSquare(pieces: readonly SlicePiece[]): number {
  let squares = 0;
  let count = 0;
  for (const { signal, from, to } of pieces) {
    for (let i = from; i < to; i++) squares += signal[i]! * signal[i]!;
    count += to - from;
  }
  return count > 0 ? squares / count : 0;
}
