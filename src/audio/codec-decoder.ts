import decode from 'audio-decode';
import { AudioDecodeError } from './audio-decode-error.js';
import { concatSamples, downmix, type MonoAudio } from './mono-audio.js';

/** The audio-decode codecs that Sleeve feeds byte ranges to. */
export type StreamCodec = 'mp3' | 'oga' | 'wav';

/**
 * Decodes consecutive byte chunks of one stream with a fresh decoder and
 * returns the mono downmix. Each call gets its own decoder, so a window
 * never inherits state from another part of the file.
 */
export async function decodeChunksToMono(
  codec: StreamCodec,
  chunks: readonly Uint8Array[],
): Promise<MonoAudio> {
  const decoder = await decode[codec]();
  const pieces: Float32Array[] = [];
  let sampleRate = 0;
  try {
    for (const chunk of [...chunks, undefined]) {
      const result = await decoder(chunk);
      if (result.channelData.length === 0) continue;
      pieces.push(downmix(result.channelData));
      sampleRate = result.sampleRate;
    }
  } catch (error) {
    decoder.free();
    throw corruptData(error);
  }
  return { samples: concatSamples(pieces), sampleRate };
}

/** Decodes a whole file of any format audio-decode knows. */
export async function decodeWholeToMono(bytes: Uint8Array): Promise<MonoAudio> {
  let result;
  try {
    result = await decode(bytes);
  } catch (error) {
    if (error instanceof Error && /unknown audio format/i.test(error.message)) {
      throw new AudioDecodeError(
        'unsupported_format',
        'The file is not in an audio format Sleeve can read ' +
          '(mp3, ogg, wav, flac or m4a).',
        error,
      );
    }
    throw corruptData(error);
  }
  return {
    samples: downmix(result.channelData),
    sampleRate: result.sampleRate,
  };
}

function corruptData(error: unknown): AudioDecodeError {
  return new AudioDecodeError(
    'corrupt_data',
    'The audio file is damaged or incomplete and could not be decoded.',
    error,
  );
}
