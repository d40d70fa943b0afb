const STORAGE_FULL = "The server's storage is full; try again later.";
const STORAGE_READ_ONLY =
  "The server's storage cannot be written to right now; try again later.";

/** Errno, SQLite and PostgreSQL codes of storage taking no more writes. */
const STORAGE_CODES: Record<string, [log: string, message: string]> = {
  ENOSPC: ['storage full: no space left on device', STORAGE_FULL],
  EDQUOT: ['storage full: disk quota exceeded', STORAGE_FULL],
  SQLITE_FULL: ['storage full: the database cannot grow', STORAGE_FULL],
  // PostgreSQL's disk_full.
  '53100': ['storage full: the database server is out of disk', STORAGE_FULL],
  EROFS: ['storage read-only: read-only file system', STORAGE_READ_ONLY],
  SQLITE_READONLY: ['storage read-only: the database', STORAGE_READ_ONLY],
};

export interface StorageFailure {
  code: string;
  syscall: string | undefined;
  /** One line for the log: no stack, the cause is known. */
  log: string;
  /** What the client is told, in plain words. */
  message: string;
}

/**
 * A write refused for lack of room or by a read-only disk, found on the
 * error or its causes; undefined for every other failure.
 */
export function storageFailure(error: unknown): StorageFailure | undefined {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    const { code, syscall } = cause as NodeJS.ErrnoException;
    const known = typeof code === 'string' ? STORAGE_CODES[code] : undefined;
    if (known && typeof code === 'string') {
      return { code, syscall, log: known[0], message: known[1] };
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}
