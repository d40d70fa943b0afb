import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import {
  closeAll,
  coverInfo,
  creditsOf,
  download,
  importRecord,
  removeDir,
  requestCover,
  waitForCover,
} from '../support/api-helpers.js';
import {
  startReceiver,
  type CallbackReceiver,
} from '../support/callback-receiver.js';
import {
  ADMIN_KEY,
  eventually,
  makeDataDir,
  request,
  spawnSleeve,
  startSleeve,
  type ChildSleeve,
} from '../support/sleeve-server.js';
import { decodeImage } from '../support/tracks.js';
import {
  assertEnvelope,
  assertSuccessCallback,
  assertTaskId,
} from './contract-checks.js';

const TASKS = 30;
const COST = 1.5;
const CREDITS = 100;

/** A port free right now, so every restart listens where callbacks point. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe(
  'SIGKILL at any point loses no accepted task',
  { timeout: 300_000 },
  () => {
    let receiver: CallbackReceiver;
    let env: Record<string, string>;
    let child: ChildSleeve | undefined;
    let key: string;
    const covers: string[] = [];

    before(async () => {
      receiver = await startReceiver();
      env = {
        SLEEVE_DATA_DIR: await makeDataDir(),
        SLEEVE_PORT: String(await freePort()),
        SLEEVE_RENDER_THREADS: '2',
        SLEEVE_RATE_GENERATE: '1000/1s',
        SLEEVE_RATE_POLL: '1000/1s',
        SLEEVE_COVER_COST: String(COST),
        SLEEVE_CALLBACK_RETRIES: '1,1,1',
      };
    });

    after(async () => {
      await child?.kill('SIGKILL');
      await closeAll(receiver);
      await removeDir(env['SLEEVE_DATA_DIR']);
    });

    const submit = async (server: ChildSleeve, count: number) => {
      for (let i = 0; i < count; i += 1) {
        const music = await importRecord(server, key);
        const created = await requestCover(server, key, music, receiver.url);
        assertEnvelope(created, 200);
        assertTaskId(created.body.data.taskId);
        covers.push(created.body.data.taskId);
      }
    };

    const flags = async (server: ChildSleeve) =>
      Promise.all(
        covers.map(
          async (id) =>
            (await coverInfo(server, key, id)).body.data.successFlag,
        ),
      );

    test('killed right after accepting, then mid-render, every task ends in success', async () => {
      child = await spawnSleeve(env);
      const created = await request(
        child.url,
        'POST',
        '/api/v1/sleeve/admin/keys',
        { name: 'durable', credits: CREDITS },
        ADMIN_KEY,
      );
      key = created.body.data.key;

      await submit(child, TASKS / 2);
      await child.kill('SIGKILL');

      child = await spawnSleeve(env);
      await submit(child, TASKS / 2);
      // Kill while renders are running and others still wait in the queue.
      await eventually(
        async () => (await flags(child!)).includes(2),
        60_000,
        20,
      );
      await child.kill('SIGKILL');

      child = await spawnSleeve(env);
      for (const cover of covers) {
        const info = await waitForCover(child, key, cover, 180_000);
        assert.equal(info['successFlag'], 1, `${cover} succeeded`);
      }
      assert.deepEqual(
        await flags(child),
        covers.map(() => 1),
      );
    });

    test('each task was charged exactly once', async () => {
      assert.ok(child);
      assert.equal(await creditsOf(child, key), CREDITS - TASKS * COST);
    });

    test('every task has its callback, at least once, in the contract shape', async () => {
      await eventually(
        async () =>
          covers.every((id) =>
            receiver.received.some((c) => c.json?.data?.taskId === id),
          ),
        60_000,
      );
      for (const id of covers) {
        for (const callback of receiver.received.filter(
          (c) => c.json?.data?.taskId === id,
        )) {
          assertSuccessCallback(callback, id);
        }
      }
    });

    test("the callbacks' images are served after the restarts", async () => {
      const sample = [covers[0], covers[TASKS - 1]];
      for (const id of sample) {
        const callback = receiver.received.find(
          (c) => c.json.data.taskId === id,
        );
        for (const url of callback?.json.data.images ?? []) {
          const file = await download(url);
          assert.equal(file.status, 200);
          const image = await decodeImage(file.bytes);
          assert.equal(image.width, 512);
        }
      }
    });

    test('after a clean stop nothing is left running or queued', async () => {
      assert.ok(child);
      await child.kill('SIGTERM');
      assert.equal(child.child.exitCode, 0, child.output().slice(-2000));
      const db = new BetterSqlite3(
        path.join(env['SLEEVE_DATA_DIR'] ?? '', 'sleeve.db'),
        { readonly: true },
      );
      try {
        const tasks = db
          .prepare('select status, count(*) as n from cover_tasks group by 1')
          .all();
        assert.deepEqual(tasks, [{ status: 'success', n: TASKS }]);
        const renders = db
          .prepare(
            "select count(*) as n from jobs where queue = 'render-cover'",
          )
          .get() as { n: number };
        assert.equal(renders.n, 0);
      } finally {
        db.close();
      }
    });
  },
);

describe('callback retries', () => {
  let receiver: CallbackReceiver;
  before(async () => (receiver = await startReceiver()));
  after(() => closeAll(receiver));

  test('a receiver that answers 500 at first still gets the callback on a retry', async () => {
    const server = await startSleeve({ SLEEVE_CALLBACK_RETRIES: '1,1,1' });
    try {
      receiver.respondWith(500, 503);
      const music = await importRecord(server, server.adminKey);
      const created = await requestCover(
        server,
        server.adminKey,
        music,
        receiver.url,
      );
      const cover = created.body.data.taskId as string;
      const attempts = await receiver.waitFor(3, 30_000);
      for (const attempt of attempts) assertSuccessCallback(attempt, cover);
      assert.equal(new Set(attempts.map((a) => a.body)).size, 1);
      assert.equal(
        new Set(attempts.map((a) => a.headers['webhook-id'])).size,
        1,
        'one webhook-id across retries, so receivers can drop repeats',
      );
      const [delivery] = await eventually(async () => {
        const found = await server.sleeve.stores.deliveries.listForTask(cover);
        return found[0]?.status === 'delivered' ? found : undefined;
      });
      assert.equal(delivery?.attempts, 3);
    } finally {
      await server.close();
      receiver.received.length = 0;
    }
  });

  test('an attempt the receiver never answers times out and is retried', async () => {
    const server = await startSleeve({
      SLEEVE_CALLBACK_RETRIES: '1,1',
      SLEEVE_CALLBACK_TIMEOUT_MS: '500',
    });
    try {
      receiver.respondWith(0);
      const music = await importRecord(server, server.adminKey);
      const created = await requestCover(
        server,
        server.adminKey,
        music,
        receiver.url,
      );
      const cover = created.body.data.taskId as string;
      const [delivery] = await eventually(async () => {
        const found = await server.sleeve.stores.deliveries.listForTask(cover);
        return found[0]?.status === 'delivered' ? found : undefined;
      }, 30_000);
      assert.equal(delivery?.attempts, 2);
      assert.equal(receiver.received.length, 2);
    } finally {
      await server.close();
      receiver.received.length = 0;
    }
  });

  test('a receiver that never answers 2xx is given up after the schedule', async () => {
    const server = await startSleeve({ SLEEVE_CALLBACK_RETRIES: '1,1' });
    try {
      receiver.respondWith(500, 500, 500, 500, 500);
      const music = await importRecord(server, server.adminKey);
      const created = await requestCover(
        server,
        server.adminKey,
        music,
        receiver.url,
      );
      const cover = created.body.data.taskId as string;
      const [delivery] = await eventually(async () => {
        const found = await server.sleeve.stores.deliveries.listForTask(cover);
        return found[0]?.status === 'failed' ? found : undefined;
      }, 30_000);
      assert.equal(delivery?.attempts, 3, 'the first try and two retries');
      assert.equal(receiver.received.length, 3);
      // The cover itself is unaffected: record-info still serves it.
      const info = await coverInfo(server, server.adminKey, cover);
      assert.equal(info.body.data.successFlag, 1);
    } finally {
      await server.close();
    }
  });
});
