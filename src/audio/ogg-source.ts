import { decodeChunksToMono } from './codec-decoder.js';
import type { ExcerptWindow } from './excerpt-plan.js';
import { totalGranule, type OggVorbisIndex } from './ogg-pages.js';
import type { TrackSource } from './track-source.js';

/**
 * Samples decoded before a window and then dropped. After a jump the
 * Vorbis decoder needs one packet (at most 8192 samples, usually 2048) to
 * prime its overlap-add, and emits nothing for it.
 */
const PRIMING_SAMPLES = 8192;

/**
 * An Ogg Vorbis file that decodes only the pages of each window, after the
 * header pages. Pages carry their granule position, which places the
 * decoded samples exactly in time.
 */
export function openOggVorbis(
  bytes: Uint8Array,
  index: OggVorbisIndex,
): TrackSource {
  return {
    durationSec: totalGranule(index) / index.sampleRate,
    decodeWindow: (window) => decodeOggWindow(bytes, index, window),
  };
}

async function decodeOggWindow(
  bytes: Uint8Array,
  index: OggVorbisIndex,
  window: ExcerptWindow,
) {
  const { granules, pageOffsets, sampleRate } = index;
  const startSample = Math.floor(window.startSec * sampleRate);
  const endSample = startSample + Math.round(window.lengthSec * sampleRate);
  const first = firstPageFor(granules, startSample - PRIMING_SAMPLES);
  const last = lastPageFor(granules, endSample);
  const to = last + 1 < pageOffsets.length ? pageOffsets[last + 1]! : index.end;

  const decoded = await decodeChunksToMono('oga', [
    bytes.subarray(0, index.headerEnd),
    bytes.subarray(pageOffsets[first]!, to),
  ]);
  // The output ends where the last fed page's granule says; count back.
  const total = totalGranule(index);
  const lastGranule = granules[last]!;
  const endGranule = lastGranule < 0 ? total : Math.min(lastGranule, total);
  const outputStart = endGranule - decoded.samples.length;
  const skip = Math.max(0, startSample - outputStart);
  return {
    samples: decoded.samples.subarray(skip, skip + endSample - startSample),
    sampleRate: decoded.sampleRate,
  };
}

/** The page after the last page that finishes at or before `sample`. */
function firstPageFor(granules: Float64Array, sample: number): number {
  let first = 0;
  for (let i = 0; i < granules.length; i++) {
    const granule = granules[i]!;
    if (granule >= 0 && granule <= sample) first = i + 1;
    if (granule > sample) break;
  }
  return Math.min(first, granules.length - 1);
}

/** The first page with a known granule at or past `sample`. */
function lastPageFor(granules: Float64Array, sample: number): number {
  for (let i = 0; i < granules.length; i++) {
    if (granules[i]! >= sample) return i;
  }
  return granules.length - 1;
}
