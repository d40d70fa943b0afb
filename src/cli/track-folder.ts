import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommandFailure } from './flags.js';

/** One entry of a tracks folder's `tracks.json`. */
export interface FolderTrack {
  title: string;
  artist: string;
  tags: string;
  prompt: string;
  /** Absolute path of the audio file, or null. */
  audioPath: string | null;
}

/** The sample set shipped with Sleeve (`samples/` in the package). */
export const SAMPLES_DIR = fileURLToPath(
  new URL('../../samples', import.meta.url),
);

/**
 * Reads a folder shaped like Sleeve's `samples/`: a `tracks.json` array of
 * {title, artist, tags, prompt, audio} where audio is relative or null.
 */
export async function readTrackFolder(dir: string): Promise<FolderTrack[]> {
  const file = path.join(dir, 'tracks.json');
  let entries: unknown;
  try {
    entries = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'there is no such file'
        : (error as Error).message;
    throw new CommandFailure(`could not read ${file}: ${reason}`);
  }
  if (!Array.isArray(entries)) {
    throw new CommandFailure(`${file} must hold an array of tracks`);
  }
  return entries.map((entry, i) => toTrack(entry, dir, `${file}[${i}]`));
}

function toTrack(entry: unknown, dir: string, where: string): FolderTrack {
  if (typeof entry !== 'object' || entry === null) {
    throw new CommandFailure(`${where} must be an object`);
  }
  const e = entry as Record<string, unknown>;
  const text = (name: string) =>
    typeof e[name] === 'string' ? (e[name] as string) : '';
  const audio =
    typeof e['audio'] === 'string' ? path.resolve(dir, e['audio']) : null;
  return {
    title: text('title'),
    artist: text('artist'),
    tags: text('tags'),
    prompt: text('prompt'),
    audioPath: audio,
  };
}
