/** What a walk over an Ogg Vorbis file's pages tells. */
export interface OggVorbisIndex {
  sampleRate: number;
  /** Bytes of the three Vorbis header packets, which every decode needs. */
  headerEnd: number;
  /** Byte offset of every audio page, in order. */
  pageOffsets: Uint32Array;
  /**
   * Granule position (samples decoded once the page's last finished packet
   * is out) of every audio page; -1 for a page where no packet finishes.
   */
  granules: Float64Array;
  /** Offset just past the last page. */
  end: number;
}

const VORBIS_ID = [0x01, 0x76, 0x6f, 0x72, 0x62, 0x69, 0x73]; // "\x01vorbis"

/**
 * Walks the pages of a single-stream Ogg Vorbis file. Pages carry their own
 * length and granule position, so the walk costs one small read per page.
 * Returns null for anything else (Opus, multiplexed streams, damage before
 * the first audio page), which then goes to the whole-file decoder.
 */
export function indexOggVorbis(bytes: Uint8Array): OggVorbisIndex | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = readPage(bytes, view, 0);
  if (first === null || !startsWith(bytes, first.body, VORBIS_ID)) return null;

  const sampleRate = view.getUint32(first.body + 12, true);
  const offsets: number[] = [];
  const granules: number[] = [];
  let headerEnd = 0;
  let offset = first.end;
  while (offset < bytes.length) {
    const page = readPage(bytes, view, offset);
    if (page === null) break;
    if (page.serial !== first.serial) return null;
    // Vorbis puts its headers on pages of granule 0 and starts audio on a
    // fresh page.
    if (headerEnd === 0 && page.granule !== 0) headerEnd = offset;
    if (headerEnd !== 0) {
      offsets.push(offset);
      granules.push(page.granule);
    }
    offset = page.end;
  }
  if (headerEnd === 0 || sampleRate === 0) return null;

  return {
    sampleRate,
    headerEnd,
    pageOffsets: Uint32Array.from(offsets),
    granules: Float64Array.from(granules),
    end: offset,
  };
}

/** Samples in the whole stream: the last known granule position. */
export function totalGranule(index: OggVorbisIndex): number {
  for (let i = index.granules.length - 1; i >= 0; i--) {
    if (index.granules[i]! >= 0) return index.granules[i]!;
  }
  return 0;
}

interface OggPage {
  granule: number;
  serial: number;
  body: number;
  end: number;
}

function readPage(bytes: Uint8Array, view: DataView, offset: number) {
  if (offset + 27 > bytes.length) return null;
  const capture = view.getUint32(offset, false) === 0x4f676753; // "OggS"
  if (!capture || bytes[offset + 4] !== 0) return null;

  const segments = bytes[offset + 26]!;
  const body = offset + 27 + segments;
  let end = body;
  for (let i = offset + 27; i < body && i < bytes.length; i++) {
    end += bytes[i]!;
  }
  if (end > bytes.length) return null;

  const page: OggPage = {
    granule: Number(view.getBigInt64(offset + 6, true)),
    serial: view.getUint32(offset + 14, true),
    body,
    end,
  };
  return page;
}

function startsWith(bytes: Uint8Array, offset: number, prefix: number[]) {
  return prefix.every((byte, i) => bytes[offset + i] === byte);
}
