import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Reads which code points a TrueType/OpenType font maps, from its cmap
 * table. The engine needs this to pick, per title, a display face that
 * really has the title's letters instead of letting Skia silently fall
 * back to whatever face it finds.
 */
export type CodePointRanges = readonly (readonly [number, number])[];

interface CmapSubtable {
  platform: number;
  encoding: number;
  offset: number;
}

/**
 * The code points a font file maps. Only the table directory and the cmap
 * table are read, not the whole file (a CJK face is 5–10 MB; its cmap is a
 * few hundred kilobytes).
 */
export function readCmapRanges(path: string): CodePointRanges {
  const fd = openSync(path, 'r');
  try {
    const cmap = readTable(fd, 'cmap');
    const subtable = pickSubtable(listSubtables(cmap, 0));
    const format = cmap.readUInt16BE(subtable.offset);
    if (format === 12) return readFormat12(cmap, subtable.offset);
    if (format === 4) return readFormat4(cmap, subtable.offset);
    throw new Error(`unsupported cmap format ${format} in ${path}`);
  } finally {
    closeSync(fd);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  if (read !== length) throw new Error('font file is truncated');
  return buffer;
}

function readTable(fd: number, tag: string): Buffer {
  const count = readAt(fd, 4, 2).readUInt16BE(0);
  const directory = readAt(fd, 12, count * 16);
  for (let i = 0; i < count; i++) {
    const record = i * 16;
    if (directory.toString('latin1', record, record + 4) === tag) {
      const offset = directory.readUInt32BE(record + 8);
      return readAt(fd, offset, directory.readUInt32BE(record + 12));
    }
  }
  throw new Error(`font has no ${tag} table`);
}

function listSubtables(font: Buffer, cmap: number): CmapSubtable[] {
  const count = font.readUInt16BE(cmap + 2);
  return Array.from({ length: count }, (_, i) => ({
    platform: font.readUInt16BE(cmap + 4 + i * 8),
    encoding: font.readUInt16BE(cmap + 6 + i * 8),
    offset: font.readUInt32BE(cmap + 8 + i * 8),
  }));
}

/** Full-Unicode tables first, then the BMP ones. */
function pickSubtable(subtables: CmapSubtable[]): CmapSubtable {
  const rank = ({ platform, encoding }: CmapSubtable): number => {
    if (platform === 3 && encoding === 10) return 0;
    if (platform === 0 && (encoding === 4 || encoding === 6)) return 1;
    if (platform === 3 && encoding === 1) return 2;
    if (platform === 0) return 3;
    return 9;
  };
  const best = [...subtables].sort((a, b) => rank(a) - rank(b))[0];
  if (!best || rank(best) === 9) throw new Error('font has no Unicode cmap');
  return best;
}

function readFormat12(font: Buffer, start: number): CodePointRanges {
  const groups = font.readUInt32BE(start + 12);
  const ranges: [number, number][] = [];
  for (let i = 0; i < groups; i++) {
    const at = start + 16 + i * 12;
    ranges.push([font.readUInt32BE(at), font.readUInt32BE(at + 4)]);
  }
  return mergeRanges(ranges);
}

function readFormat4(font: Buffer, start: number): CodePointRanges {
  const segments = font.readUInt16BE(start + 6) / 2;
  const ends = start + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const covered: number[] = [];
  for (let s = 0; s < segments; s++) {
    const first = font.readUInt16BE(starts + s * 2);
    const last = font.readUInt16BE(ends + s * 2);
    const delta = font.readInt16BE(deltas + s * 2);
    const offsetAt = rangeOffsets + s * 2;
    const rangeOffset = font.readUInt16BE(offsetAt);
    for (let code = first; code <= last && code !== 0xffff; code++) {
      const glyph =
        rangeOffset === 0
          ? (code + delta) & 0xffff
          : font.readUInt16BE(offsetAt + rangeOffset + 2 * (code - first));
      if (glyph !== 0) covered.push(code);
    }
  }
  return mergeRanges(covered.map((code) => [code, code]));
}

function mergeRanges(ranges: [number, number][]): CodePointRanges {
  const sorted = ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = merged[merged.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged;
}

export function rangesContain(ranges: CodePointRanges, code: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = ranges[mid];
    if (!range) return false;
    if (code < range[0]) hi = mid - 1;
    else if (code > range[1]) lo = mid + 1;
    else return true;
  }
  return false;
}
