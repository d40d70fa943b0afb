import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { LocalObjectStore } from '../../src/objects/local-object-store.js';
import {
  createS3Client,
  S3ObjectStore,
} from '../../src/objects/s3-object-store.js';
import { newObjectName } from '../../src/util/ids.js';
import { startS3Server, type TestS3Server } from './support/s3-server.js';
import { objectStoreSuite } from './suites/object-store-suite.js';

let s3: TestS3Server;
before(async () => {
  s3 = await startS3Server(['objects', 'prefix']);
});
after(() => s3.close());

objectStoreSuite('local files', async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'sleeve-objects-'));
  return {
    store: new LocalObjectStore(root),
    peer: new LocalObjectStore(root),
    close: () => fs.rm(root, { recursive: true, force: true }),
  };
});

objectStoreSuite('S3 (fresh bucket, with a key prefix)', async () => {
  const settings = s3.bucket('objects', 'sleeve/');
  const store = S3ObjectStore.fromSettings(settings);
  const peer = S3ObjectStore.fromSettings(settings);
  return {
    store,
    peer,
    close: async () => {
      store.close();
      peer.close();
    },
  };
});

test('S3 keys are the prefix, a folder per kind and the name', async () => {
  const settings = s3.bucket('prefix', 'covers/v1/');
  const store = S3ObjectStore.fromSettings(settings);
  const name = newObjectName('png');
  await store.put(name, Buffer.from('png bytes'), 'image/png');

  const client = createS3Client(settings);
  const read = (key: string) =>
    client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key }));
  const stored = await read(`covers/v1/images/${name}`);
  assert.equal(await stored.Body?.transformToString(), 'png bytes');
  assert.equal(stored.ContentType, 'image/png');
  await assert.rejects(read(name), { name: 'NoSuchKey' });
  await assert.rejects(read(`covers/v1/${name}`), { name: 'NoSuchKey' });

  const audio = newObjectName('mp3');
  await store.put(audio, Buffer.from('mp3 bytes'), 'audio/mpeg');
  const upload = await read(`covers/v1/audio/${audio}`);
  assert.equal(await upload.Body?.transformToString(), 'mp3 bytes');
  client.destroy();
  store.close();
});
