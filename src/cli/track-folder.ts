import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
    throw new Error(`could not read ${file}: ${(error as Error).message}`);
  }
  if (!Array.isArray(entries)) throw new Error(`${file} must hold an array`);
  return entries.map((entry, i) => toTrack(entry, dir, `${file}[${i}]`));
}

function toTrack(entry: unknown, dir: string, where: string): FolderTrack {
  if (typeof entry !== 'object' || entry === null) {
    throw new Error(`${where} must be an object`);
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
