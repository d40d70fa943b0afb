import { AudioDecodeError } from './audio-decode-error.js';
import { indexMp3Frames } from './mp3-frames.js';
import { openMp3 } from './mp3-source.js';
import { indexOggVorbis } from './ogg-pages.js';
import { openOggVorbis } from './ogg-source.js';
import type { TrackSource } from './track-source.js';
import { openWav } from './wav-source.js';
import { openWholeFile } from './whole-file-source.js';

/**
 * Opens encoded audio for decoding by windows, choosing the cheapest sound
 * way for its format: byte ranges for WAV, MP3 and Ogg Vorbis, a full
 * decode for everything else.
 */
export async function openTrack(bytes: Uint8Array): Promise<TrackSource> {
  if (bytes.length === 0) {
    throw new AudioDecodeError('empty_input', 'The audio file is empty.');
  }
  if (isRiffWave(bytes)) return openWav(bytes);

  const ogg = hasAscii(bytes, 0, 'OggS') ? indexOggVorbis(bytes) : null;
  if (ogg !== null) return openOggVorbis(bytes, ogg);

  const mp3 = looksLikeOtherContainer(bytes) ? null : indexMp3Frames(bytes);
  if (mp3 !== null) return openMp3(bytes, mp3);

  return openWholeFile(bytes);
}

function isRiffWave(bytes: Uint8Array): boolean {
  return hasAscii(bytes, 0, 'RIFF') && hasAscii(bytes, 8, 'WAVE');
}

/** Containers whose payload could hold stray MPEG sync patterns. */
function looksLikeOtherContainer(bytes: Uint8Array): boolean {
  return (
    hasAscii(bytes, 0, 'OggS') ||
    hasAscii(bytes, 0, 'fLaC') ||
    hasAscii(bytes, 4, 'ftyp') ||
    hasAscii(bytes, 0, 'FORM')
  );
}

function hasAscii(bytes: Uint8Array, offset: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}
