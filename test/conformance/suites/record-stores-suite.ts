import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { AudioFeatures } from '../../../src/audio/features.js';
import type { Database } from '../../../src/storage/database.js';
import { createStores, type Stores } from '../../../src/storage/stores.js';
import { newTaskId } from '../../../src/util/ids.js';
import {
  deliveryFor,
  imagesFor,
  makeKey,
  musicTask,
  newCover,
  T0,
} from './store-fixtures.js';

/** Keys, music, images, deliveries and settings on any record database. */
export function recordStoresSuite(
  name: string,
  open: () => Promise<{ database: Database; close(): Promise<void> }>,
): void {
  describe(`record stores: ${name}`, () => {
    let stores: Stores;
    let close: () => Promise<void>;
    before(async () => {
      const opened = await open();
      stores = createStores(opened.database);
      close = opened.close;
    });
    after(() => close());

    test('a key is found by hash until revoked', async () => {
      const keyHash = randomBytes(32).toString('hex');
      const id = `key_${randomBytes(8).toString('hex')}`;
      await stores.apiKeys.insert({
        id,
        name: 'admin',
        keyHash,
        prefix: 'slv_abcd',
        isAdmin: true,
        creditsMicro: 2_500_000,
        createdAt: T0,
      });
      assert.deepEqual(await stores.apiKeys.findByHash(keyHash), {
        id,
        name: 'admin',
        prefix: 'slv_abcd',
        isAdmin: true,
        creditsMicro: 2_500_000,
        createdAt: T0,
        revokedAt: null,
      });

      assert.equal(await stores.apiKeys.revoke(id, T0 + 1), true);
      assert.equal(await stores.apiKeys.revoke(id, T0 + 2), false);
      assert.equal(await stores.apiKeys.findByHash(keyHash), undefined);
      assert.equal((await stores.apiKeys.get(id))?.revokedAt, T0 + 1);
    });

    test('two keys with one hash are refused', async () => {
      const keyHash = randomBytes(32).toString('hex');
      const key = (id: string) => ({
        id,
        name: 'k',
        keyHash,
        prefix: 'p',
        isAdmin: false,
        creditsMicro: 0,
        createdAt: T0,
      });
      await stores.apiKeys.insert(key(`key_${randomBytes(8).toString('hex')}`));
      await assert.rejects(
        stores.apiKeys.insert(key(`key_${randomBytes(8).toString('hex')}`)),
      );
    });

    test('credit changes are exact, past 2^53 micro-credits too', async () => {
      const id = await makeKey(stores, 0);
      const big = 4_000_000_000_000_000; // 4e9 credits, over 2^32 micro
      assert.equal(await stores.apiKeys.addCredits(id, big), big);
      assert.equal(await stores.apiKeys.addCredits(id, -1), big - 1);
      assert.equal(
        await stores.apiKeys.addCredits('key_missing', 5),
        undefined,
      );
    });

    test('importing a music task twice keeps the first record', async () => {
      const keyId = await makeKey(stores, 0);
      const music = musicTask(keyId);
      const first = await stores.musicTasks.insertIfAbsent(music);
      const second = await stores.musicTasks.insertIfAbsent({
        ...music,
        artist: 'Someone Else',
      });

      assert.equal(first.created, true);
      assert.equal(second.created, false);
      assert.deepEqual(second.task, music);
      assert.deepEqual(await stores.musicTasks.get(keyId, music.taskId), music);
    });

    test('an id no record can have is found nowhere, not an error', async () => {
      for (const id of ['a\u0000b', '', 'two words', 'é', 'a'.repeat(65)]) {
        assert.equal(await stores.coverTasks.get(id), undefined);
        assert.equal(await stores.musicTasks.get('key_any', id), undefined);
      }
    });

    test('one music task id may exist under two keys', async () => {
      const [a, b] = [await makeKey(stores, 0), await makeKey(stores, 0)];
      const taskId = newTaskId();
      const ofA = { ...musicTask(a), taskId, tracks: null };
      const ofB = { ...musicTask(b), taskId, artist: 'B' };
      assert.equal((await stores.musicTasks.insertIfAbsent(ofA)).created, true);
      assert.equal((await stores.musicTasks.insertIfAbsent(ofB)).created, true);
      assert.deepEqual(await stores.musicTasks.get(a, taskId), ofA);
      assert.equal((await stores.musicTasks.get(b, taskId))?.artist, 'B');
    });

    test('music lists page newest first', async () => {
      const keyId = await makeKey(stores, 0);
      for (const offset of [1, 3, 2, 4])
        await stores.musicTasks.insertIfAbsent(musicTask(keyId, T0 + offset));

      const page = await stores.musicTasks.list(keyId, { limit: 2 });
      assert.deepEqual(
        page.map((m) => m.createdAt),
        [T0 + 4, T0 + 3],
      );
      const last = page[1];
      assert.ok(last);
      const next = await stores.musicTasks.list(keyId, {
        limit: 5,
        after: { createdAt: last.createdAt, taskId: last.taskId },
      });
      assert.deepEqual(
        next.map((m) => m.createdAt),
        [T0 + 2, T0 + 1],
      );
    });

    test('paging loses no record when many share a millisecond', async () => {
      const keyId = await makeKey(stores, 0);
      for (let i = 0; i < 9; i += 1) {
        await stores.musicTasks.insertIfAbsent(musicTask(keyId, T0));
      }
      const seen: string[] = [];
      let after: { createdAt: number; taskId: string } | undefined;
      for (;;) {
        const page = await stores.musicTasks.list(keyId, {
          limit: 2,
          ...(after && { after }),
        });
        seen.push(...page.map((m) => m.taskId));
        const last = page.at(-1);
        if (page.length < 2 || !last) break;
        after = { createdAt: last.createdAt, taskId: last.taskId };
      }
      assert.equal(new Set(seen).size, 9);
    });

    test('measured features are kept with the music task', async () => {
      const keyId = await makeKey(stores, 0);
      const music = musicTask(keyId);
      await stores.musicTasks.insertIfAbsent(music);
      // The store keeps features as opaque JSON: a few fields prove it.
      const features = {
        durationSec: 187.4,
        bpm: 121.5,
        energyContour: [0.1, 0.9],
      } as unknown as AudioFeatures;
      await stores.musicTasks.setFeatures(keyId, music.taskId, features);
      const stored = await stores.musicTasks.get(keyId, music.taskId);
      assert.deepEqual(stored?.features, features);
    });

    test('expired images are listed until marked deleted', async () => {
      const keyId = await makeKey(stores, 5);
      const music = musicTask(keyId);
      await stores.musicTasks.insertIfAbsent(music);
      const cover = newCover(keyId, music.taskId);
      await stores.coverTasks.create(cover);
      // Far in the past, so no other test's images are due before these.
      const expiry = 1_000_000_000_000 + Math.floor(Math.random() * 1e9);
      const images = imagesFor(cover.taskId, expiry);
      await stores.coverTasks.succeed(cover.taskId, images, null, T0);

      const due = await stores.images.listExpired(expiry, 500);
      const names = images.map((i) => i.name).sort();
      assert.deepEqual(
        due
          .filter((i) => i.taskId === cover.taskId)
          .map((i) => i.name)
          .sort(),
        names,
      );
      assert.equal(
        (await stores.images.listExpired(expiry - 1, 500)).some(
          (i) => i.taskId === cover.taskId,
        ),
        false,
      );

      await stores.images.markDeleted(names);
      const after = await stores.images.listExpired(expiry, 500);
      assert.equal(
        after.some((i) => i.taskId === cover.taskId),
        false,
      );
      assert.equal((await stores.images.get(images[0]!.name))?.deleted, true);
    });

    test('deliveries are due by time and record every attempt', async () => {
      const keyId = await makeKey(stores, 5);
      const music = musicTask(keyId);
      await stores.musicTasks.insertIfAbsent(music);
      const cover = newCover(keyId, music.taskId);
      await stores.coverTasks.create(cover);
      const delivery = deliveryFor(cover.taskId);
      await stores.coverTasks.succeed(
        cover.taskId,
        imagesFor(cover.taskId, T0),
        delivery,
        T0,
      );
      const isOurs = (d: { id: string }) => d.id === delivery.id;

      assert.ok((await stores.deliveries.listDue(T0, 1000)).some(isOurs));
      await stores.deliveries.recordAttempt(delivery.id, {
        status: 'pending',
        httpStatus: 503,
        error: 'HTTP 503',
        nextAttemptAt: T0 + 10_000,
        now: T0 + 1,
      });
      assert.equal(
        (await stores.deliveries.listDue(T0 + 9_999, 1000)).some(isOurs),
        false,
      );
      await stores.deliveries.recordAttempt(delivery.id, {
        status: 'delivered',
        httpStatus: 200,
        error: null,
        nextAttemptAt: T0 + 10_000,
        now: T0 + 10_001,
      });

      const [stored] = await stores.deliveries.listForTask(cover.taskId);
      assert.equal(stored?.attempts, 2);
      assert.equal(stored?.status, 'delivered');
      assert.equal(stored?.lastStatus, 200);
      assert.equal(stored?.deliveredAt, T0 + 10_001);
    });

    test('a setting is written, then overwritten', async () => {
      const name = `setting-${randomBytes(4).toString('hex')}`;
      assert.equal(await stores.settings.get(name), undefined);
      await stores.settings.set(name, 'on');
      await stores.settings.set(name, 'off');
      assert.equal(await stores.settings.get(name), 'off');
    });
  });
}
