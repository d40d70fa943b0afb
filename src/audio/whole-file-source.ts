import { decodeWholeToMono } from './codec-decoder.js';
import type { TrackSource } from './track-source.js';

/**
 * A file decoded in full up front, for formats where Sleeve does not cut
 * byte ranges itself (FLAC, M4A/AAC, Opus and the rest of what
 * audio-decode reads). Windows are then plain slices.
 */
export async function openWholeFile(bytes: Uint8Array): Promise<TrackSource> {
  const { samples, sampleRate } = await decodeWholeToMono(bytes);
  return {
    durationSec: sampleRate > 0 ? samples.length / sampleRate : 0,
    decodeWindow: async (window) => {
      const start = Math.floor(window.startSec * sampleRate);
      const length = Math.round(window.lengthSec * sampleRate);
      return { samples: samples.subarray(start, start + length), sampleRate };
    },
  };
}
