/**
 * Writes a minimal 16-bit FLAC file: a STREAMINFO block, then fixed-size
 * frames whose subframes are VERBATIM (uncompressed), each frame with its
 * CRC-8 header check and CRC-16 footer. Real FLAC that any decoder must
 * read, without needing an encoder.
 */
const BLOCK_SIZE = 4096;
/** Frame-header codes of the common sample rates. */
const RATE_CODES = new Map([
  [8000, 4],
  [16000, 5],
  [22050, 6],
  [24000, 7],
  [32000, 8],
  [44100, 9],
  [48000, 10],
]);

export function encodeFlac(
  channels: readonly Float32Array[],
  sampleRate: number,
): Uint8Array {
  const total = channels[0]?.length ?? 0;
  const parts: Uint8Array[] = [
    ascii('fLaC'),
    streamInfo(channels.length, sampleRate, total),
  ];
  for (let start = 0, frame = 0; start < total; start += BLOCK_SIZE, frame++) {
    const size = Math.min(BLOCK_SIZE, total - start);
    parts.push(encodeFrame(channels, sampleRate, start, size, frame));
  }
  return concat(parts);
}

function streamInfo(channels: number, sampleRate: number, total: number) {
  const block = new Uint8Array(4 + 34);
  const view = new DataView(block.buffer);
  block[0] = 0x80; // last metadata block, type 0 (STREAMINFO)
  block[3] = 34;
  view.setUint16(4, BLOCK_SIZE);
  view.setUint16(6, BLOCK_SIZE);
  // Frame sizes (bytes 8–13) stay 0: unknown.
  const packed =
    (BigInt(sampleRate) << 44n) |
    (BigInt(channels - 1) << 41n) |
    (15n << 36n) | // bits per sample − 1
    BigInt(total);
  view.setBigUint64(14, packed);
  // The MD5 signature (bytes 22–37) stays 0: not computed.
  return block;
}

function encodeFrame(
  channels: readonly Float32Array[],
  sampleRate: number,
  start: number,
  size: number,
  frame: number,
): Uint8Array {
  const rateCode = RATE_CODES.get(sampleRate);
  if (rateCode === undefined) throw new RangeError(`no code for ${sampleRate}`);
  const header = [
    0xff,
    0xf8, // sync code, fixed block size
    0x70 | rateCode, // block size: 16 bits at end of header
    ((channels.length - 1) << 4) | 0x08, // independent channels, 16 bits
    ...codedNumber(frame),
    (size - 1) >> 8,
    (size - 1) & 0xff,
  ];
  header.push(crc8(header));

  const body = new Uint8Array(channels.length * (1 + 2 * size));
  const view = new DataView(body.buffer);
  channels.forEach((channel, c) => {
    const offset = c * (1 + 2 * size);
    body[offset] = 0x02; // VERBATIM subframe, no wasted bits
    for (let i = 0; i < size; i++) {
      const value = Math.max(-1, Math.min(1, channel[start + i]!));
      view.setInt16(offset + 1 + 2 * i, Math.round(value * 32767));
    }
  });

  const frameBytes = concat([Uint8Array.from(header), body, new Uint8Array(2)]);
  const crc = crc16(frameBytes.subarray(0, frameBytes.length - 2));
  frameBytes[frameBytes.length - 2] = crc >> 8;
  frameBytes[frameBytes.length - 1] = crc & 0xff;
  return frameBytes;
}

/** The frame number in FLAC's UTF-8-like variable-length code. */
function codedNumber(value: number): number[] {
  if (value < 0x80) return [value];
  if (value < 0x800) return [0xc0 | (value >> 6), 0x80 | (value & 0x3f)];
  return [
    0xe0 | (value >> 12),
    0x80 | ((value >> 6) & 0x3f),
    0x80 | (value & 0x3f),
  ];
}

function crc8(bytes: readonly number[]): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
    }
  }
  return crc;
}

function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
