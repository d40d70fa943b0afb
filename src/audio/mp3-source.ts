import { decodeChunksToMono } from './codec-decoder.js';
import type { ExcerptWindow } from './excerpt-plan.js';
import type { Mp3FrameIndex } from './mp3-frames.js';
import type { TrackSource } from './track-source.js';

/**
 * Frames decoded before a window and then dropped. A Layer III frame may
 * borrow bits from up to 511 bytes of earlier frames (the bit reservoir)
 * and overlaps its neighbour in the filter bank, so the first frames after
 * a cut decode wrongly; two would do, four leaves a margin.
 */
const PRIMING_FRAMES = 4;

/** An MP3 file that decodes only the frames of each window. */
export function openMp3(bytes: Uint8Array, index: Mp3FrameIndex): TrackSource {
  const audioFrames = index.offsets.length - index.tagFrames;
  const samples = audioFrames * index.samplesPerFrame - index.paddingSamples;
  return {
    durationSec: Math.max(0, samples) / index.sampleRate,
    decodeWindow: (window) => decodeMp3Window(bytes, index, window),
  };
}

async function decodeMp3Window(
  bytes: Uint8Array,
  index: Mp3FrameIndex,
  window: ExcerptWindow,
) {
  const { offsets, samplesPerFrame, sampleRate, tagFrames } = index;
  const frameSec = samplesPerFrame / sampleRate;
  const first = tagFrames + Math.floor(window.startSec / frameSec);
  const last =
    tagFrames + Math.ceil((window.startSec + window.lengthSec) / frameSec);
  const from = Math.max(tagFrames, first - PRIMING_FRAMES);
  const to = last < offsets.length ? offsets[last]! : index.end;

  const decoded = await decodeChunksToMono('mp3', [
    bytes.subarray(offsets[from]!, to),
  ]);
  const skip = (first - from) * samplesPerFrame;
  const wanted = Math.round(window.lengthSec * decoded.sampleRate);
  return {
    samples: decoded.samples.subarray(skip, skip + wanted),
    sampleRate: decoded.sampleRate,
  };
}
