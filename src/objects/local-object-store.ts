import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { makeFolder } from '../util/make-folder.js';
import {
  assertObjectName,
  type ByteRange,
  type ObjectInfo,
  type ObjectStore,
} from './object-store.js';

/** The file operations a put uses; tests hand in ones that fail. */
export interface PutFiles {
  writeFile(file: string, bytes: Buffer): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

/** Objects as files in one folder, written atomically (temp + rename). */
export class LocalObjectStore implements ObjectStore {
  constructor(
    private readonly root: string,
    private readonly files: PutFiles = fs,
  ) {}

  async put(name: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(name);
    await makeFolder(path.dirname(target));
    await this.writeThroughTemp(target, (temp) =>
      this.files.writeFile(temp, bytes),
    );
  }

  /** A rename when the file is on the same file system, else a copy. */
  async putFile(name: string, file: string): Promise<void> {
    const target = this.pathOf(name);
    await makeFolder(path.dirname(target));
    try {
      await this.files.rename(file, target);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    }
    await this.writeThroughTemp(target, (temp) => fs.copyFile(file, temp));
  }

  /**
   * Writes beside the target, then renames over it, so a reader sees the
   * old bytes or the new, never part. A write cut short (a full disk)
   * leaves part of a file: never keep it, or every failure would take
   * more of the room that is left.
   */
  private async writeThroughTemp(
    target: string,
    write: (temp: string) => Promise<void>,
  ): Promise<void> {
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await write(temp);
      await this.files.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
  }

  async get(name: string): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(this.pathOf(name));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async stat(name: string): Promise<ObjectInfo | undefined> {
    try {
      const stats = await fs.stat(this.pathOf(name), { bigint: true });
      // Every put renames a new file into place: a new inode. The write
      // time alone is not enough, as file systems keep it at the kernel's
      // tick (4 ms here), and two puts can fall in one tick.
      const tag = [stats.size, stats.ino, stats.mtimeNs]
        .map((n) => n.toString(16))
        .join('-');
      return {
        size: Number(stats.size),
        modifiedAt: Number(stats.mtimeMs),
        etag: `"${tag}"`,
      };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async read(name: string, range?: ByteRange): Promise<Readable | undefined> {
    let file: fs.FileHandle;
    try {
      file = await fs.open(this.pathOf(name), 'r');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    // The stream closes the file when it ends, fails or is destroyed.
    return file.createReadStream(range ?? {});
  }

  async delete(name: string): Promise<void> {
    await fs.rm(this.pathOf(name), { force: true });
  }

  private pathOf(name: string): string {
    assertObjectName(name);
    // Two-character shards keep folders small at millions of images.
    return path.join(this.root, name.slice(0, 2), name);
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}
