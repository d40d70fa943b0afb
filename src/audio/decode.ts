import { AudioDecodeError } from './audio-decode-error.js';
import { planExcerpt, type ExcerptOptions } from './excerpt-plan.js';
import { concatSamples } from './mono-audio.js';
import { openTrack } from './open-track.js';

/** One decoded window of a track. */
export interface DecodedWindow {
  /** Where the window starts in the track, in seconds. */
  startSec: number;
  /** The window's mono samples: a view into `DecodedAudio.samples`. */
  samples: Float32Array;
}

/** The decoded excerpt of a track, downmixed to mono. */
export interface DecodedAudio {
  /** Mono samples of every window, back to back, at `sampleRate`. */
  samples: Float32Array;
  /** The file's own sample rate in Hz. */
  sampleRate: number;
  /**
   * Length of the whole track in seconds, read from the container (WAV
   * header, MP3 frame count and LAME tag, Ogg granule position) even when
   * only the excerpt was decoded.
   */
  durationSec: number;
  /** The windows, in time order. */
  windows: DecodedWindow[];
}

/**
 * Decodes the excerpt of a track that `options` selects (by default the
 * whole excerpt plan of `analyzeAudio`; pass `excerptSec: Infinity` for
 * the whole track). WAV, MP3 and Ogg Vorbis decode only the bytes of the
 * chosen windows; other formats are decoded whole and then cut.
 *
 * @throws AudioDecodeError for empty, unreadable or sample-less input.
 */
export async function decodeAudio(
  bytes: Uint8Array,
  options: ExcerptOptions = {},
): Promise<DecodedAudio> {
  const track = await openTrack(bytes);
  const plan = planExcerpt(track.durationSec, options);
  const pieces = [];
  for (const window of plan) pieces.push(await track.decodeWindow(window));

  const sampleRate = pieces[0]?.sampleRate ?? 0;
  const samples = concatSamples(pieces.map((piece) => piece.samples));
  if (samples.length === 0 || sampleRate === 0) {
    throw new AudioDecodeError(
      'no_audio',
      'The file was read but holds no audio samples.',
    );
  }
  return {
    samples,
    sampleRate,
    durationSec: track.durationSec,
    windows: viewWindows(samples, plan, pieces),
  };
}

function viewWindows(
  samples: Float32Array,
  plan: readonly { startSec: number }[],
  pieces: readonly { samples: Float32Array }[],
): DecodedWindow[] {
  let offset = 0;
  return pieces.map((piece, i) => {
    const view = samples.subarray(offset, offset + piece.samples.length);
    offset += piece.samples.length;
    return { startSec: plan[i]!.startSec, samples: view };
  });
}
