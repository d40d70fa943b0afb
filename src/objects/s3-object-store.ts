import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { S3Settings } from '../config/config.js';
import {
  assertObjectName,
  type ByteRange,
  type ObjectInfo,
  type ObjectStore,
} from './object-store.js';

/**
 * Objects in an S3-compatible bucket (AWS S3, MinIO, R2, ...), keyed
 * `<prefix>images/<name>` or `<prefix>audio/<name>`. Sleeve never lists
 * the bucket: what exists and when it expires is in the database. The two
 * folders let a lifecycle rule expire images (and orphans a killed worker
 * left) without touching uploaded audio (docs/deployment.md).
 */
export class S3ObjectStore implements ObjectStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix: string,
  ) {}

  static fromSettings(settings: S3Settings): S3ObjectStore {
    return new S3ObjectStore(
      createS3Client(settings),
      settings.bucket,
      settings.prefix,
    );
  }

  async put(name: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.keyOf(name),
        Body: bytes,
        ContentType: contentType,
        ContentLength: bytes.length,
      }),
    );
  }

  async putFile(name: string, file: string, contentType: string) {
    const { size } = await fs.stat(file);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.keyOf(name),
        Body: createReadStream(file),
        ContentType: contentType,
        ContentLength: size,
      }),
    );
  }

  async get(name: string): Promise<Buffer | undefined> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(name) }),
      );
      if (!answer.Body) return undefined;
      return Buffer.from(await answer.Body.transformToByteArray());
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async stat(name: string): Promise<ObjectInfo | undefined> {
    try {
      const answer = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(name) }),
      );
      if (answer.ContentLength === undefined || !answer.ETag) {
        throw new Error(`S3 HEAD of ${name} answered no size or ETag`);
      }
      return {
        size: answer.ContentLength,
        modifiedAt: answer.LastModified?.getTime() ?? 0,
        etag: answer.ETag,
      };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** A ranged GET when a range is asked for: S3 sends only those bytes. */
  async read(name: string, range?: ByteRange): Promise<Readable | undefined> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: this.keyOf(name),
          ...(range && { Range: `bytes=${range.start}-${range.end}` }),
        }),
      );
      if (!(answer.Body instanceof Readable)) {
        throw new Error(`S3 GET of ${name} answered no readable body`);
      }
      return answer.Body;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** S3 answers a delete of a missing key with success, as we need. */
  async delete(name: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(name) }),
    );
  }

  close(): void {
    this.client.destroy();
  }

  private keyOf(name: string): string {
    assertObjectName(name);
    const folder = IMAGE_NAME.test(name) ? 'images' : 'audio';
    return `${this.prefix}${folder}/${name}`;
  }
}

/** Cover images; every other object is uploaded audio. */
const IMAGE_NAME = /\.(png|jpeg|webp)$/;

export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.endpoint && { endpoint: settings.endpoint }),
    ...(settings.credentials && { credentials: settings.credentials }),
    // Checksums only where S3 demands them: several S3-compatible services
    // reject the SDK's newer default checksum headers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function isMissing(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404;
}
