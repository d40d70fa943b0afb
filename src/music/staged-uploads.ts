import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { makeFolder } from '../util/make-folder.js';

const SUFFIX = '.upload';

/** Uploads older than this at start belong to a process that died. */
const STALE_MS = 60 * 60 * 1000;

/**
 * Uploaded audio is written to a file as it arrives, never held whole in
 * memory: an upload may be 50 MB and many may arrive at once. The render
 * thread that measures it reads the file, and the object store moves or
 * streams it to where it is kept. The folder sits under the data
 * directory, so a move is a rename on the same file system.
 */
export class StagedUploads {
  constructor(readonly dir: string) {}

  /** Writes the stream to a new file; the file is removed if that fails. */
  async write(stream: Readable): Promise<string> {
    await makeFolder(this.dir);
    const file = path.join(
      this.dir,
      `${randomBytes(12).toString('hex')}${SUFFIX}`,
    );
    try {
      await pipeline(stream, fs.createWriteStream(file, { flags: 'wx' }));
    } catch (error) {
      await this.remove(file);
      throw error;
    }
    return file;
  }

  /** Removing a file already moved away is not an error. */
  remove(file: string): Promise<void> {
    return fsp.rm(file, { force: true });
  }

  /** Removes what a killed process left; young files may be in use. */
  async removeStale(now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await fsp.readdir(this.dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names.filter((n) => n.endsWith(SUFFIX))) {
      const file = path.join(this.dir, name);
      const stats = await fsp.stat(file).catch(() => undefined);
      if (stats && now - stats.mtimeMs > STALE_MS) {
        await this.remove(file);
        removed += 1;
      }
    }
    return removed;
  }
}
