import type { ExcerptWindow } from './excerpt-plan.js';
import type { MonoAudio } from './mono-audio.js';

/**
 * An opened audio file that can decode parts of itself. Formats whose
 * bytes can be cut soundly (WAV, MP3, Ogg Vorbis) decode only the windows
 * asked for; the others decode the whole file once.
 */
export interface TrackSource {
  /** Length of the whole track in seconds, known before decoding. */
  readonly durationSec: number;
  /** Mono samples of one window, starting as close to it as frames allow. */
  decodeWindow(window: ExcerptWindow): Promise<MonoAudio>;
}
