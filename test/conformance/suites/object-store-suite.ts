import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
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

    test('names that could escape the store are refused', async () => {
      for (const bad of ['../x.png', 'a/b.png', '', '.hidden', 'A.png']) {
        await assert.rejects(
          harness.store.put(bad, Buffer.from('x'), 'image/png'),
          /invalid object name/,
        );
        await assert.rejects(harness.store.get(bad), /invalid object name/);
      }
    });
  });
}
