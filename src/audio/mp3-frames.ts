/** What a scan of an MP3 file's frame headers tells. */
export interface Mp3FrameIndex {
  /** Byte offset of every MPEG audio frame, in order. */
  offsets: Uint32Array;
  /** Offset just past the last frame. */
  end: number;
  sampleRate: number;
  samplesPerFrame: number;
  /**
   * Frames at the start that carry no audio (a Xing/Info/VBRI tag frame).
   */
  tagFrames: number;
  /** Samples the encoder added at the start and end (LAME tag), if known. */
  paddingSamples: number;
}

interface FrameHeader {
  length: number;
  sampleRate: number;
  samplesPerFrame: number;
  /** MPEG version and sample-rate bits; every frame of a stream shares them. */
  streamBits: number;
  mono: boolean;
  mpeg1: boolean;
}

// Layer III bitrates in kbit/s, by bitrate index.
const MPEG1_KBPS = [
  0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320,
];
const MPEG2_KBPS = [
  0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160,
];
const MPEG1_RATES = [44100, 48000, 32000];
/** Real MP3 files start their frames within a few bytes of the ID3 tag. */
const MAX_LEAD_IN = 64 * 1024;

/**
 * Walks the frame headers of an MPEG Layer III stream. Frames are
 * self-synchronising: each header gives the length of its frame, so the
 * walk jumps from header to header and only searches byte by byte after
 * damage. Returns null when the bytes do not hold a Layer III stream
 * (free-format, Layer I/II and non-MPEG data go to the whole-file decoder).
 */
export function indexMp3Frames(bytes: Uint8Array): Mp3FrameIndex | null {
  const offsets: number[] = [];
  const audioStart = skipId3v2(bytes);
  let offset = findStreamStart(bytes, audioStart, audioStart + MAX_LEAD_IN);
  const first = offset < 0 ? null : readFrameHeader(bytes, offset);
  if (first === null) return null;

  let end = offset;
  while (offset >= 0) {
    const header = readFrameHeader(bytes, offset);
    const fits = header !== null && offset + header.length <= bytes.length;
    if (!fits || header.streamBits !== first.streamBits) {
      offset = findStreamStart(bytes, offset + 1);
      continue;
    }
    offsets.push(offset);
    offset += header.length;
    end = offset;
  }
  if (offsets.length < 2) return null;

  const tag = readEncoderTag(bytes, offsets[0]!, first);
  return {
    offsets: Uint32Array.from(offsets),
    end,
    sampleRate: first.sampleRate,
    samplesPerFrame: first.samplesPerFrame,
    tagFrames: tag === null ? 0 : 1,
    paddingSamples: tag ?? 0,
  };
}

function skipId3v2(bytes: Uint8Array): number {
  let offset = 0;
  // Some files carry several ID3v2 tags back to back.
  while (
    bytes[offset] === 0x49 &&
    bytes[offset + 1] === 0x44 &&
    bytes[offset + 2] === 0x33 &&
    offset + 10 <= bytes.length
  ) {
    const size =
      ((bytes[offset + 6]! & 0x7f) << 21) |
      ((bytes[offset + 7]! & 0x7f) << 14) |
      ((bytes[offset + 8]! & 0x7f) << 7) |
      (bytes[offset + 9]! & 0x7f);
    const footer = bytes[offset + 5]! & 0x10 ? 10 : 0;
    offset += 10 + size + footer;
  }
  return offset;
}

/**
 * The first offset from `from` where three frames follow each other with
 * the same stream bits: a single 0xFFE sync pattern is common in random
 * data, three chained ones are not. -1 when there is none.
 */
function findStreamStart(
  bytes: Uint8Array,
  from: number,
  until = bytes.length,
): number {
  const stop = Math.min(until, bytes.length - 4);
  for (let offset = from; offset <= stop; offset++) {
    if (bytes[offset] !== 0xff) continue;
    if (chainsFrames(bytes, offset, 3)) return offset;
  }
  return -1;
}

function chainsFrames(bytes: Uint8Array, start: number, count: number) {
  const first = readFrameHeader(bytes, start);
  if (first === null) return false;
  let offset = start;
  for (let i = 0; i < count; i++) {
    const header = readFrameHeader(bytes, offset);
    if (header === null || header.streamBits !== first.streamBits) {
      // A stream may end right after its last whole frame.
      return offset === bytes.length && i > 0;
    }
    offset += header.length;
  }
  return offset <= bytes.length;
}

function readFrameHeader(
  bytes: Uint8Array,
  offset: number,
): FrameHeader | null {
  if (offset + 4 > bytes.length) return null;
  const b1 = bytes[offset + 1]!;
  const b2 = bytes[offset + 2]!;
  if (bytes[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;

  const version = (b1 >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
  const layer = (b1 >> 1) & 3; // 1: Layer III
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (version === 1 || layer !== 1 || rateIndex === 3) return null;
  if (bitrateIndex === 0 || bitrateIndex === 15) return null;

  const mpeg1 = version === 3;
  const divisor = mpeg1 ? 1 : version === 2 ? 2 : 4;
  const sampleRate = MPEG1_RATES[rateIndex]! / divisor;
  const kbps = (mpeg1 ? MPEG1_KBPS : MPEG2_KBPS)[bitrateIndex]!;
  const samplesPerFrame = mpeg1 ? 1152 : 576;
  const padding = (b2 >> 1) & 1;
  const length =
    Math.floor(((samplesPerFrame / 8) * kbps * 1000) / sampleRate) + padding;
  const mono = bytes[offset + 3]! >> 6 === 3;
  const streamBits = ((b1 & 0xfe) << 8) | (b2 & 0x0c);
  return { length, sampleRate, samplesPerFrame, streamBits, mono, mpeg1 };
}

/**
 * Reads a Xing/Info or VBRI tag in the first frame. Returns null when the
 * frame is ordinary audio, else the encoder delay plus end padding from a
 * LAME extension (0 without one), which the decoder trims.
 */
function readEncoderTag(
  bytes: Uint8Array,
  offset: number,
  header: FrameHeader,
): number | null {
  const sideInfo = header.mpeg1
    ? header.mono
      ? 17
      : 32
    : header.mono
      ? 9
      : 17;
  const xing = offset + 4 + sideInfo;
  const id = String.fromCharCode(...bytes.subarray(xing, xing + 4));
  if (id === 'VBRI' || asciiAt(bytes, offset + 36, 4) === 'VBRI') return 0;
  if (id !== 'Xing' && id !== 'Info') return null;

  const flags = bytes[xing + 7]!;
  let lame = xing + 8;
  if (flags & 1) lame += 4; // frame count
  if (flags & 2) lame += 4; // byte count
  if (flags & 4) lame += 100; // seek table
  if (flags & 8) lame += 4; // quality
  // LAME writes "LAME…", FFmpeg's libmp3lame "Lavc…"/"Lavf…": same layout.
  if (!/^(LAME|Lav[cf]|L\d\.\d)/.test(asciiAt(bytes, lame, 4))) return 0;

  // 12-bit encoder delay then 12-bit end padding, 21 bytes into the tag.
  const at = lame + 21;
  const delay = (bytes[at]! << 4) | (bytes[at + 1]! >> 4);
  const padding = ((bytes[at + 1]! & 0x0f) << 8) | bytes[at + 2]!;
  return delay + padding;
}

function asciiAt(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}
