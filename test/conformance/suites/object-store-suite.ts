import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { buffer, text } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import type { ObjectStore } from '../../../src/objects/object-store.js';
import { newObjectName } from '../../../src/util/ids.js';

export interface ObjectStoreHarness {
  store: ObjectStore;
  /** A second store over the same storage, as another process has. */
  peer: ObjectStore;
  close(): Promise<void>;
}

/** What every ObjectStore must do, whatever keeps the bytes. */
export function objectStoreSuite(
  name: string,
  open: () => Promise<ObjectStoreHarness>,
): void {
  describe(`ObjectStore: ${name}`, () => {
    let harness: ObjectStoreHarness;
    before(async () => {
      harness = await open();
    });
    after(() => harness.close());

    test('put then get answers the same bytes', async () => {
      const name = newObjectName('png');
      const bytes = randomBytes(70_000);
      await harness.store.put(name, bytes, 'image/png');
      assert.deepEqual(await harness.store.get(name), bytes);
    });

    test('putFile stores a file as it is, which the caller may then remove', async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sleeve-put-file-'));
      try {
        const file = path.join(dir, 'upload');
        const bytes = randomBytes(300_000);
        await fs.writeFile(file, bytes);
        const name = newObjectName('mp3');
        await harness.store.putFile(name, file, 'audio/mpeg');
        await fs.rm(file, { force: true });
        assert.deepEqual(await harness.peer.get(name), bytes);
        assert.equal((await harness.store.stat(name))?.size, bytes.length);
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    });

    test('another process sees what one wrote', async () => {
      const name = newObjectName('png');
      const bytes = randomBytes(1_000);
      await harness.store.put(name, bytes, 'image/png');
      assert.deepEqual(await harness.peer.get(name), bytes);
    });

    test('a put of an existing name replaces the bytes', async () => {
      const name = newObjectName('png');
      await harness.store.put(name, Buffer.from('first'), 'image/png');
      await harness.store.put(name, Buffer.from('second'), 'image/png');
      assert.equal((await harness.store.get(name))?.toString(), 'second');
    });

    test('an empty object round-trips as empty, not missing', async () => {
      const name = newObjectName('wav');
      await harness.store.put(name, Buffer.alloc(0), 'audio/wav');
      assert.deepEqual(await harness.store.get(name), Buffer.alloc(0));
    });

    test('a missing object answers undefined', async () => {
      assert.equal(await harness.store.get(newObjectName('png')), undefined);
    });

    test('delete removes the object; deleting again is no error', async () => {
      const name = newObjectName('png');
      await harness.store.put(name, Buffer.from('bytes'), 'image/png');
      await harness.store.delete(name);
      assert.equal(await harness.store.get(name), undefined);
      await harness.store.delete(name);
      await harness.store.delete(newObjectName('png'));
    });

    test('stat answers the size and a tag that changes with the bytes', async () => {
      const name = newObjectName('mp3');
      await harness.store.put(name, randomBytes(5_000), 'audio/mpeg');
      const first = await harness.store.stat(name);
      assert.equal(first?.size, 5_000);
      assert.match(first.etag, /^"[^"]+"$/);
      assert.ok(Math.abs(first.modifiedAt - Date.now()) < 60_000);
      assert.deepEqual(await harness.peer.stat(name), first);

      await harness.store.put(name, randomBytes(5_000), 'audio/mpeg');
      const second = await harness.store.stat(name);
      assert.equal(second?.size, 5_000);
      assert.notEqual(second.etag, first.etag);
    });

    test('stat of a missing object answers undefined', async () => {
      assert.equal(await harness.store.stat(newObjectName('png')), undefined);
    });

    test('read streams the whole object, or exactly a range of it', async () => {
      const name = newObjectName('ogg');
      const bytes = randomBytes(200_000);
      await harness.store.put(name, bytes, 'audio/ogg');
      const read = async (range?: { start: number; end: number }) =>
        buffer((await harness.store.read(name, range)) as Readable);

      assert.deepEqual(await read(), bytes);
      // No range ends at byte 0: s3rver, the test S3 server, takes an end
      // of 0 for "to the last byte" (S3 itself sends the one byte).
      const ranges = [
        { start: 0, end: 1 },
        { start: 0, end: 99 },
        { start: 1_234, end: 150_000 },
        { start: 199_999, end: 199_999 },
        { start: 100_000, end: 199_999 },
      ];
      for (const range of ranges) {
        const part = await read(range);
        assert.deepEqual(part, bytes.subarray(range.start, range.end + 1));
      }
    });

    test('read of a missing object answers undefined', async () => {
      const missing = newObjectName('mp3');
      assert.equal(await harness.store.read(missing), undefined);
      const range = { start: 0, end: 9 };
      assert.equal(await harness.store.read(missing, range), undefined);
    });

    test('an empty object reads as an empty stream', async () => {
      const name = newObjectName('wav');
      await harness.store.put(name, Buffer.alloc(0), 'audio/wav');
      assert.equal((await harness.store.stat(name))?.size, 0);
      const stream = await harness.store.read(name);
      assert.equal(await text(stream as Readable), '');
    });

    test('names that could escape the store are refused', async () => {
      for (const bad of ['../x.png', 'a/b.png', '', '.hidden', 'A.png']) {
        await assert.rejects(
          harness.store.put(bad, Buffer.from('x'), 'image/png'),
          /invalid object name/,
        );
        await assert.rejects(harness.store.get(bad), /invalid object name/);
        await assert.rejects(harness.store.stat(bad), /invalid object name/);
        await assert.rejects(harness.store.read(bad), /invalid object name/);
      }
    });
  });
}
