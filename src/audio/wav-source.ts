import { AudioDecodeError } from './audio-decode-error.js';
import { decodeChunksToMono } from './codec-decoder.js';
import type { ExcerptWindow } from './excerpt-plan.js';
import type { TrackSource } from './track-source.js';

interface WavLayout {
  sampleRate: number;
  /** Bytes per sample frame (all channels); slicing keeps to whole blocks. */
  blockAlign: number;
  /** Where the PCM payload of the `data` chunk starts. */
  dataOffset: number;
  /** Payload bytes actually present, in whole blocks. */
  dataBytes: number;
}

/**
 * Opens a RIFF/WAVE file. A WAV is a header and then fixed-size sample
 * blocks, so a window is decoded by handing the decoder the original
 * header with patched sizes plus just the blocks of that window.
 */
export function openWav(bytes: Uint8Array): TrackSource {
  const layout = readWavLayout(bytes);
  const blocks = layout.dataBytes / layout.blockAlign;
  return {
    durationSec: blocks / layout.sampleRate,
    decodeWindow: (window) => decodeWavWindow(bytes, layout, window),
  };
}

function decodeWavWindow(
  bytes: Uint8Array,
  layout: WavLayout,
  window: ExcerptWindow,
) {
  const { sampleRate, blockAlign, dataOffset, dataBytes } = layout;
  const totalBlocks = dataBytes / blockAlign;
  const first = Math.min(Math.floor(window.startSec * sampleRate), totalBlocks);
  const count = Math.min(
    Math.round(window.lengthSec * sampleRate),
    totalBlocks - first,
  );
  const payload = bytes.subarray(
    dataOffset + first * blockAlign,
    dataOffset + (first + count) * blockAlign,
  );
  return decodeChunksToMono('wav', [
    wavHeader(bytes, layout, payload),
    payload,
  ]);
}

/** The file's own header, with RIFF and data sizes set for `payload`. */
function wavHeader(
  bytes: Uint8Array,
  layout: WavLayout,
  payload: Uint8Array,
): Uint8Array {
  const header = bytes.slice(0, layout.dataOffset);
  const view = new DataView(header.buffer);
  view.setUint32(4, header.length - 8 + payload.length, true);
  view.setUint32(layout.dataOffset - 4, payload.length, true);
  return header;
}

function readWavLayout(bytes: Uint8Array): WavLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sampleRate = 0;
  let blockAlign = 0;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = chunkId(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ' && body + 16 <= bytes.length) {
      sampleRate = view.getUint32(body + 4, true);
      blockAlign = view.getUint16(body + 12, true);
    }
    if (id === 'data') {
      return validLayout(sampleRate, blockAlign, body, size, bytes.length);
    }
    // Chunks are padded to an even length.
    offset = body + size + (size % 2);
  }
  throw truncatedWav();
}

function validLayout(
  sampleRate: number,
  blockAlign: number,
  dataOffset: number,
  declaredBytes: number,
  fileBytes: number,
): WavLayout {
  if (sampleRate === 0 || blockAlign === 0) throw truncatedWav();
  // Streamed or cut files declare more data than they hold (or 0xFFFFFFFF):
  // trust the bytes that are there.
  const present = Math.min(declaredBytes, fileBytes - dataOffset);
  const dataBytes = present - (present % blockAlign);
  if (dataBytes <= 0) {
    throw new AudioDecodeError('no_audio', 'The WAV file holds no samples.');
  }
  return { sampleRate, blockAlign, dataOffset, dataBytes };
}

function chunkId(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}

function truncatedWav(): AudioDecodeError {
  return new AudioDecodeError(
    'corrupt_data',
    'The WAV file is damaged or cut short: its format or data section ' +
      'is missing.',
  );
}
