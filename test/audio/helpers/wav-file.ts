/**
 * Writes 16-bit PCM RIFF/WAVE bytes: the canonical 44-byte header (RIFF,
 * fmt, data chunks) and interleaved little-endian samples.
 */
export function encodeWav(
  channels: readonly Float32Array[],
  sampleRate: number,
): Uint8Array {
  const frames = channels[0]?.length ?? 0;
  const blockAlign = channels.length * 2;
  const dataBytes = frames * blockAlign;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);

  writeAscii(bytes, 0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  writeAscii(bytes, 8, 'WAVE');
  writeAscii(bytes, 12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels.length, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, 16, true); // bits per sample
  writeAscii(bytes, 36, 'data');
  view.setUint32(40, dataBytes, true);

  for (let i = 0; i < frames; i++) {
    channels.forEach((channel, c) => {
      const value = Math.max(-1, Math.min(1, channel[i]!));
      view.setInt16(
        44 + i * blockAlign + c * 2,
        Math.round(value * 32767),
        true,
      );
    });
  }
  return bytes;
}

function writeAscii(bytes: Uint8Array, offset: number, text: string): void {
  for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
}
