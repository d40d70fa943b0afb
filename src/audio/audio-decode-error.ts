/** Why a track's bytes could not be turned into samples. */
export type AudioDecodeFailure =
  'empty_input' | 'unsupported_format' | 'corrupt_data' | 'no_audio';

/**
 * Thrown when bytes cannot be decoded into audio: empty input, a format
 * Sleeve does not read, a damaged file, or a file with no samples in it.
 * The message is in plain words and safe to show a user; `reason` is the
 * stable value to branch on. Retrying the same bytes never helps.
 */
export class AudioDecodeError extends Error {
  override readonly name = 'AudioDecodeError';
  readonly reason: AudioDecodeFailure;

  constructor(reason: AudioDecodeFailure, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.reason = reason;
  }
}
