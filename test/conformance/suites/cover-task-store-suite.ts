import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../../src/storage/database.js';
import { createStores, type Stores } from '../../../src/storage/stores.js';
import {
  COST,
  creditsOf,
  deliveryFor,
  imagesFor,
  makeKey,
  musicTask,
  newCover,
  T0,
} from './store-fixtures.js';

/**
 * The transactions behind charging, duplicates and refunds, on any record
 * database. Racing calls go through one handle: on Postgres its pool runs
 * them on separate connections, as separate processes would.
 */
export function coverTaskStoreSuite(
  name: string,
  open: () => Promise<{ database: Database; close(): Promise<void> }>,
): void {
  describe(`CoverTaskStore: ${name}`, () => {
    let stores: Stores;
    let close: () => Promise<void>;
    before(async () => {
      const opened = await open();
      stores = createStores(opened.database);
      close = opened.close;
    });
    after(() => close());

    const parentOf = async (keyId: string) => {
      const music = musicTask(keyId);
      await stores.musicTasks.insertIfAbsent(music);
      return music.taskId;
    };

    test('create charges the key once and stores the task', async () => {
      const keyId = await makeKey(stores, 5);
      const cover = newCover(keyId, await parentOf(keyId));
      const result = await stores.coverTasks.create(cover);

      assert.equal(result.kind, 'created');
      assert.equal(await creditsOf(stores, keyId), 5 * COST - COST);
      assert.deepEqual(await stores.coverTasks.get(cover.taskId), {
        taskId: cover.taskId,
        keyId,
        parentTaskId: cover.parentTaskId,
        callbackUrl: cover.callbackUrl,
        status: 'pending',
        errorMessage: null,
        variation: 0,
        chargedMicro: COST,
        refunded: false,
        createdAt: T0,
        startedAt: null,
        completedAt: null,
        attempts: 0,
      });
    });

    test('a second create for the parent answers the first, uncharged', async () => {
      const keyId = await makeKey(stores, 5);
      const parent = await parentOf(keyId);
      const first = await stores.coverTasks.create(newCover(keyId, parent));
      const second = await stores.coverTasks.create(newCover(keyId, parent));

      assert.equal(first.kind, 'created');
      assert.equal(second.kind, 'duplicate');
      if (first.kind !== 'created' || second.kind !== 'duplicate') return;
      assert.equal(second.existing.taskId, first.task.taskId);
      assert.equal(await creditsOf(stores, keyId), 4 * COST);
    });

    test('racing creates for one parent: one created, the rest duplicates', async () => {
      const keyId = await makeKey(stores, 50);
      const parent = await parentOf(keyId);
      const results = await Promise.all(
        Array.from({ length: 12 }, () =>
          stores.coverTasks.create(newCover(keyId, parent)),
        ),
      );

      const created = results.flatMap((r) =>
        r.kind === 'created' ? [r.task.taskId] : [],
      );
      const duplicates = results.flatMap((r) =>
        r.kind === 'duplicate' ? [r.existing.taskId] : [],
      );
      assert.equal(created.length, 1);
      assert.equal(duplicates.length, 11);
      assert.ok(duplicates.every((id) => id === created[0]));
      assert.equal(await creditsOf(stores, keyId), 49 * COST);
      const stored = await stores.coverTasks.listForParents(keyId, [parent]);
      assert.deepEqual(
        stored.map((t) => t.taskId),
        created,
      );
    });

    test('racing creates never spend more credits than the key has', async () => {
      const keyId = await makeKey(stores, 3);
      const parents = await Promise.all(
        Array.from({ length: 8 }, () => parentOf(keyId)),
      );
      const results = await Promise.all(
        parents.map((p) => stores.coverTasks.create(newCover(keyId, p))),
      );

      const kinds = results.map((r) => r.kind).sort();
      assert.deepEqual(kinds, [
        'created',
        'created',
        'created',
        ...Array(5).fill('insufficient-credits'),
      ]);
      assert.equal(await creditsOf(stores, keyId), 0);
    });

    test('without credits nothing is created or charged', async () => {
      const keyId = await makeKey(stores, 0.5);
      const parent = await parentOf(keyId);
      const result = await stores.coverTasks.create(newCover(keyId, parent));

      assert.equal(result.kind, 'insufficient-credits');
      assert.equal(await stores.coverTasks.findLive(keyId, parent), undefined);
      assert.equal(await creditsOf(stores, keyId), COST / 2);
    });

    test('a failed cover is refunded once, however often it fails', async () => {
      const keyId = await makeKey(stores, 2);
      const parent = await parentOf(keyId);
      const cover = newCover(keyId, parent);
      await stores.coverTasks.create(cover);
      await stores.coverTasks.start(cover.taskId, T0 + 10);

      const fails = await Promise.all(
        Array.from({ length: 5 }, () =>
          stores.coverTasks.fail(cover.taskId, 'broken', null, T0 + 20),
        ),
      );
      assert.deepEqual(fails.filter(Boolean).length, 1);
      assert.equal(await creditsOf(stores, keyId), 2 * COST);
      const task = await stores.coverTasks.get(cover.taskId);
      assert.equal(task?.status, 'failed');
      assert.equal(task?.refunded, true);
      assert.equal(task?.errorMessage, 'broken');
      assert.equal(
        await stores.coverTasks.succeed(cover.taskId, [], null, T0 + 30),
        false,
      );
    });

    test('after a failure the parent may be asked again', async () => {
      const keyId = await makeKey(stores, 2);
      const parent = await parentOf(keyId);
      const cover = newCover(keyId, parent);
      await stores.coverTasks.create(cover);
      await stores.coverTasks.fail(cover.taskId, 'broken', null, T0 + 5);

      const again = await stores.coverTasks.create({
        ...newCover(keyId, parent),
        createdAt: T0 + 10,
      });
      assert.equal(again.kind, 'created');
      const latest = await stores.coverTasks.findLatestForParent(keyId, parent);
      assert.equal(latest?.status, 'pending');
      assert.equal(await creditsOf(stores, keyId), COST);
    });

    test('success stores images and the callback with the state', async () => {
      const keyId = await makeKey(stores, 2);
      const cover = newCover(keyId, await parentOf(keyId));
      await stores.coverTasks.create(cover);
      await stores.coverTasks.start(cover.taskId, T0 + 1);
      const images = imagesFor(cover.taskId, T0 + 1_000);
      const delivery = deliveryFor(cover.taskId);

      const ended = await stores.coverTasks.succeed(
        cover.taskId,
        images,
        delivery,
        T0 + 2,
      );
      assert.equal(ended, true);
      assert.deepEqual(await stores.images.listForTask(cover.taskId), images);
      assert.deepEqual(await stores.deliveries.get(delivery.id), delivery);
      const task = await stores.coverTasks.get(cover.taskId);
      assert.equal(task?.status, 'success');
      assert.equal(task?.completedAt, T0 + 2);

      const twice = await stores.coverTasks.succeed(
        cover.taskId,
        imagesFor(cover.taskId, T0),
        null,
        T0 + 3,
      );
      assert.equal(twice, false);
      assert.equal((await stores.images.listForTask(cover.taskId)).length, 2);
    });

    test('a success that cannot store its callback changes nothing', async () => {
      const keyId = await makeKey(stores, 2);
      const [a, b] = [
        newCover(keyId, await parentOf(keyId)),
        newCover(keyId, await parentOf(keyId)),
      ];
      for (const cover of [a, b]) await stores.coverTasks.create(cover);
      await stores.coverTasks.succeed(
        a.taskId,
        imagesFor(a.taskId, T0),
        deliveryFor(a.taskId, 'dlv_shared'),
        T0,
      );

      // The delivery id is taken: the whole transaction must roll back.
      await assert.rejects(
        stores.coverTasks.succeed(
          b.taskId,
          imagesFor(b.taskId, T0),
          deliveryFor(b.taskId, 'dlv_shared'),
          T0,
        ),
      );
      assert.equal((await stores.coverTasks.get(b.taskId))?.status, 'pending');
      assert.deepEqual(await stores.images.listForTask(b.taskId), []);
    });

    test('start counts attempts of unfinished tasks only', async () => {
      const keyId = await makeKey(stores, 2);
      const cover = newCover(keyId, await parentOf(keyId));
      await stores.coverTasks.create(cover);

      const first = await stores.coverTasks.start(cover.taskId, T0 + 1);
      const again = await stores.coverTasks.start(cover.taskId, T0 + 2);
      assert.equal(first?.attempts, 1);
      assert.equal(again?.attempts, 2);
      assert.equal(again?.status, 'generating');
      assert.equal(again?.startedAt, T0 + 2);

      await stores.coverTasks.succeed(
        cover.taskId,
        imagesFor(cover.taskId, T0),
        null,
        T0 + 3,
      );
      assert.equal(
        await stores.coverTasks.start(cover.taskId, T0 + 4),
        undefined,
      );
    });

    test('unfinished tasks are listed oldest first, ended ones never', async () => {
      const keyId = await makeKey(stores, 10);
      const made = [];
      for (const offset of [3, 1, 2]) {
        const cover = {
          ...newCover(keyId, await parentOf(keyId)),
          createdAt: T0 - 100_000 + offset,
        };
        await stores.coverTasks.create(cover);
        made.push(cover);
      }
      const [third, , second] = made;
      if (!third || !second) throw new Error('unreachable');
      await stores.coverTasks.fail(third.taskId, 'x', null, T0);

      const listed = await stores.coverTasks.listUnfinished(T0 - 99_000, 50);
      const ours = listed.filter((t) => t.keyId === keyId);
      assert.deepEqual(
        ours.map((t) => t.createdAt),
        [T0 - 100_000 + 1, T0 - 100_000 + 2],
      );
      assert.ok(ours.some((t) => t.taskId === second.taskId));
    });
  });
}
