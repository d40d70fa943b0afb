import { decodeAudio } from './decode.js';
import { planExcerpt, type ExcerptOptions } from './excerpt-plan.js';
import type { AudioFeatures } from './features.js';
import { measureFeatures } from './measure-features.js';

/**
 * How a track is analysed. Only the excerpt is decoded and measured, so
 * the cost stays flat however long the track is (see `ExcerptOptions`:
 * by default 30 s in three 10 s windows spread over the track).
 */
export type AnalyzeOptions = ExcerptOptions;

/**
 * Decodes a track (mp3, ogg, wav, flac, m4a, …) and measures its features
 * from a bounded excerpt. CPU-bound apart from the decoder's setup; meant
 * to run in a worker thread.
 *
 * @throws AudioDecodeError when the bytes are empty, not audio, damaged
 *   beyond reading, or hold no samples.
 */
export async function analyzeAudio(
  bytes: Uint8Array,
  options: AnalyzeOptions = {},
): Promise<AudioFeatures> {
  const decoded = await decodeAudio(bytes, options);
  return measureFeatures(
    decoded.windows.map((window) => window.samples),
    decoded.sampleRate,
    decoded.durationSec,
  );
}

/**
 * Measures the features of a mono signal already in memory, choosing the
 * excerpt exactly as `analyzeAudio` does. Pure and synchronous.
 *
 * @throws RangeError for an empty signal or a sample rate that is not a
 *   positive number.
 */
export function analyzeSignal(
  samples: Float32Array,
  sampleRate: number,
  options: AnalyzeOptions = {},
): AudioFeatures {
  if (!(sampleRate > 0) || !Number.isFinite(sampleRate)) {
    throw new RangeError('sampleRate must be a positive number of hertz');
  }
  if (samples.length === 0) throw new RangeError('the signal is empty');

  const durationSec = samples.length / sampleRate;
  const windows = planExcerpt(durationSec, options).map((window) => {
    const start = Math.floor(window.startSec * sampleRate);
    return samples.subarray(
      start,
      start + Math.round(window.lengthSec * sampleRate),
    );
  });
  return measureFeatures(windows, sampleRate, durationSec);
}
