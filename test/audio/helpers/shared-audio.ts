import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../..',
);

/** The shared real recordings (present in CI, never on a user's machine). */
export const SHARED_AUDIO = path.resolve(REPO_ROOT, '../shared/tracks/audio');

export function sharedAudioFiles(dir = SHARED_AUDIO): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /\.(mp3|ogg|wav|flac|m4a)$/i.test(name))
    .sort();
}

export function readSharedAudio(name: string, dir = SHARED_AUDIO): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(dir, name)));
}
