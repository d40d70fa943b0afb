import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

/**
 * Creates a folder and any missing parents, like `mkdir -p`. Node's own
 * `{ recursive: true }` loops forever where mkdir answers "no such file"
 * although the parent exists (under /proc, for one); here each level is
 * tried at most twice, and a refusal is an error that names the folder.
 */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await fsp.mkdir(dir);
  } catch (error) {
    const parent = parentToMake(dir, error);
    if (parent === undefined) return;
    await makeFolder(parent);
    await fsp.mkdir(dir).catch((again: unknown) => existing(dir, again));
  }
}

/** makeFolder, for the few callers that must not wait (opening SQLite). */
export function makeFolderSync(dir: string): void {
  try {
    fs.mkdirSync(dir);
  } catch (error) {
    const parent = parentToMake(dir, error);
    if (parent === undefined) return;
    makeFolderSync(parent);
    try {
      fs.mkdirSync(dir);
    } catch (again) {
      existing(dir, again);
    }
  }
}

/**
 * After a first mkdir failed: undefined when the folder is there already,
 * the parent to make first when that is missing, else the refusal.
 */
function parentToMake(dir: string, error: unknown): string | undefined {
  if (codeOf(error) === 'EEXIST') return undefined;
  const parent = path.dirname(dir);
  if (codeOf(error) !== 'ENOENT' || parent === dir) throw refusal(dir, error);
  return parent;
}

/** After the second mkdir: only "it exists" (made meanwhile) is fine. */
function existing(dir: string, error: unknown): void {
  if (codeOf(error) !== 'EEXIST') throw refusal(dir, error);
}

const PLAIN_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'the file system allows no folder there',
  ENOTDIR: 'a file is in the way',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

function codeOf(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

/**
 * The system's error, saying which folder could not be made, with its
 * code and syscall kept so callers still tell it from a bug.
 */
function refusal(dir: string, error: unknown): Error {
  const cause = error as NodeJS.ErrnoException;
  const reason =
    (cause.code && PLAIN_REASONS[cause.code]) ??
    (error instanceof Error ? error.message : String(error));
  return Object.assign(
    new Error(`cannot create the folder ${dir}: ${reason}`, { cause }),
    { code: cause.code, syscall: cause.syscall, path: dir },
  );
}
