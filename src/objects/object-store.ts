import type { Readable } from 'node:stream';

/** What the HTTP layer needs to know before it sends an object. */
export interface ObjectInfo {
  size: number;
  /** When the bytes were written, in ms since the epoch. */
  modifiedAt: number;
  /**
   * A strong entity tag, quoted as HTTP sends it: it changes whenever the
   * bytes do, so clients may join ranges read under the same tag.
   */
  etag: string;
}

/** Bytes `start` to `end` of an object, both included, as HTTP counts. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where image and audio bytes live: files under the data directory by
 * default, or an S3-compatible bucket. Names are flat and unguessable;
 * what an object is and when it expires is recorded in the database.
 */
export interface ObjectStore {
  put(name: string, bytes: Buffer, contentType: string): Promise<void>;
  /**
   * Stores a file's bytes without reading them into memory. The file may
   * be moved rather than copied: the caller must not use it afterwards.
   */
  putFile(name: string, file: string, contentType: string): Promise<void>;
  /** The bytes, or undefined when there is no such object. */
  get(name: string): Promise<Buffer | undefined>;
  /** Size and validators, or undefined when there is no such object. */
  stat(name: string): Promise<ObjectInfo | undefined>;
  /**
   * The bytes as a stream, only those of `range` when one is given (it
   * must lie inside the object), or undefined when there is no such object.
   * Nothing is read before the stream is.
   */
  read(name: string, range?: ByteRange): Promise<Readable | undefined>;
  /** Deleting a missing object is not an error. */
  delete(name: string): Promise<void>;
}

const SAFE_NAME = /^[a-z0-9][a-z0-9._-]{0,127}$/;

/** Refuses names that could escape a folder or a bucket prefix. */
export function assertObjectName(name: string): void {
  if (!SAFE_NAME.test(name) || name.includes('..')) {
    throw new Error(`invalid object name: ${JSON.stringify(name)}`);
  }
}
