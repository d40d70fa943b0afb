/**
 * Where image and audio bytes live: files under the data directory by
 * default, or an S3-compatible bucket. Names are flat and unguessable;
 * what an object is and when it expires is recorded in the database.
 */
export interface ObjectStore {
  put(name: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes, or undefined when there is no such object. */
  get(name: string): Promise<Buffer | undefined>;
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
