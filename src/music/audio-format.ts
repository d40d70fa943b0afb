export interface AudioFormat {
  extension: 'mp3' | 'ogg' | 'wav' | 'flac' | 'm4a';
  contentType: string;
}

/**
 * Tells the audio format from the file's first bytes, not from its name or
 * the client's Content-Type, which are often wrong.
 */
export function sniffAudioFormat(bytes: Buffer): AudioFormat | undefined {
  const ascii = (start: number, end: number) =>
    bytes.subarray(start, end).toString('latin1');
  if (ascii(0, 3) === 'ID3' || isMpegFrameSync(bytes)) {
    return { extension: 'mp3', contentType: 'audio/mpeg' };
  }
  if (ascii(0, 4) === 'OggS') {
    return { extension: 'ogg', contentType: 'audio/ogg' };
  }
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') {
    return { extension: 'wav', contentType: 'audio/wav' };
  }
  if (ascii(0, 4) === 'fLaC') {
    return { extension: 'flac', contentType: 'audio/flac' };
  }
  if (ascii(4, 8) === 'ftyp') {
    return { extension: 'm4a', contentType: 'audio/mp4' };
  }
  return undefined;
}

function isMpegFrameSync(bytes: Buffer): boolean {
  const [first, second] = bytes;
  return first === 0xff && second !== undefined && (second & 0xe0) === 0xe0;
}
