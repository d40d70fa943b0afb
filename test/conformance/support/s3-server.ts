import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import type { S3Settings } from '../../../src/config/config.js';
import { randomSuffix } from './services.js';

/** s3rver's built-in account: key id and secret are both this. */
const ACCESS_KEY = 'S3RVER';

export interface TestS3Server {
  endpoint: string;
  /** Settings for one of the fresh buckets named at the start. */
  bucket(label: string, prefix?: string): S3Settings;
  close(): Promise<void>;
}

/**
 * An S3-compatible server in this process, on 127.0.0.1 only, with a fresh
 * bucket (random name) per label. The buckets are made as the server
 * starts: s3rver checks the signature of bucket-level requests against a
 * path without the trailing slash the AWS SDK signs, so CreateBucket from
 * the SDK fails there (object requests are checked correctly).
 */
export async function startS3Server(labels: string[]): Promise<TestS3Server> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'sleeve-s3-'));
  const names = new Map(labels.map((l) => [l, `${l}-${randomSuffix()}`]));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: [...names.values()].map((name) => ({ name })),
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;

  return {
    endpoint,
    bucket(label, prefix = '') {
      const bucket = names.get(label);
      if (!bucket) throw new Error(`no bucket was made for "${label}"`);
      return bucketSettings(endpoint, bucket, prefix);
    },
    async close() {
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

function bucketSettings(
  endpoint: string,
  bucket: string,
  prefix: string,
): S3Settings {
  return {
    bucket,
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: ACCESS_KEY },
    forcePathStyle: true,
    prefix,
  };
}
