import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import {
  captureLogs,
  closeAll,
  coverInfo,
  creditsOf,
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
  WEBHOOK_KEY,
  type TestSleeve,
} from '../support/sleeve-server.js';
import { assertEnvelope, JSON_TYPE } from './contract-checks.js';

const FAST_POLLS = { SLEEVE_RATE_POLL: '1000/1s' };
const UUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/;

describe('health and request ids', () => {
  let server: TestSleeve;
  before(async () => (server = await startSleeve(FAST_POLLS)));
  after(() => closeAll(server));

  test('GET /healthz answers without a key: ok, and whether in maintenance', async () => {
    const healthy = await server.api('GET', '/healthz', undefined, null);
    assert.equal(healthy.status, 200);
    assertEnvelope(healthy, 200);
    assert.deepEqual(healthy.body.data, { ok: true, maintenance: false });

    await server.api('POST', '/api/v1/sleeve/admin/maintenance', {
      enabled: true,
    });
    const closed = await server.api('GET', '/healthz', undefined, null);
    assert.equal(closed.status, 200);
    assert.deepEqual(closed.body.data, { ok: true, maintenance: true });
    await server.api('POST', '/api/v1/sleeve/admin/maintenance', {
      enabled: false,
    });
  });

  test('every response carries a request id, a new one each time', async () => {
    const music = await importRecord(server, server.adminKey);
    const cover = (await requestCover(server, server.adminKey, music)).body.data
      .taskId;
    const info = await waitForCover(server, server.adminKey, cover);
    const responses = [
      await fetch(`${server.url}/healthz`),
      await fetch(`${server.url}/api/v1/chat/credit`),
      await fetch(`${server.url}/no/such/endpoint`),
      await fetch(`${server.url}/api/v1/suno/cover/generate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{bad',
      }),
      await fetch(info['response'].images[0]),
      await fetch(`${server.url}/api/v1/suno/cover/generate`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.example.org',
          'access-control-request-method': 'POST',
        },
      }),
    ];
    const ids = responses.map((r) => r.headers.get('x-request-id'));
    for (const id of ids) assert.match(String(id), UUID);
    assert.equal(new Set(ids).size, ids.length);
  });

  test("a caller's sane X-Request-Id is echoed; anything else is replaced", async () => {
    for (const given of ['req-42', 'a1b2c3.d4:e5_f6', 'x'.repeat(128)]) {
      const response = await fetch(`${server.url}/api/v1/chat/credit`, {
        headers: { 'x-request-id': given },
      });
      assert.equal(response.headers.get('x-request-id'), given);
    }
    for (const given of ['x'.repeat(129), 'has space', 'semi;colon', '']) {
      const response = await fetch(`${server.url}/api/v1/chat/credit`, {
        headers: { 'x-request-id': given },
      });
      assert.match(String(response.headers.get('x-request-id')), UUID);
    }
  });
});

describe('structured logs', () => {
  test('one line per finished task, with its taskId and duration, success or failure', async () => {
    const logs = captureLogs('info');
    const receiver = await startReceiver();
    const server = await startSleeve(FAST_POLLS, { logger: logs.logger });
    try {
      const ok = await finish(server, receiver.url);
      // A file where the image folder should be: the next render fails.
      await fs.rm(path.join(server.dataDir, 'objects'), {
        recursive: true,
        force: true,
      });
      await fs.writeFile(path.join(server.dataDir, 'objects'), 'no folder');
      const failed = await finish(server, receiver.url);
      await receiver.waitFor(2);

      for (const [taskId, flag] of [
        [ok, 1],
        [failed, 3],
      ] as const) {
        const info = await coverInfo(server, server.adminKey, taskId);
        assert.equal(info.body.data.successFlag, flag);
        const ended = logs
          .lines()
          .filter((l) => l['taskId'] === taskId && 'durationMs' in l);
        assert.equal(ended.length, 1, JSON.stringify(ended));
        assert.equal(typeof ended[0]?.['durationMs'], 'number');
        assert.match(
          String(ended[0]?.['msg']),
          /cover task (succeeded|failed)/,
        );
      }
      const delivered = await eventually(async () =>
        logs.lines().filter((l) => /callback delivered/.test(String(l['msg']))),
      );
      for (const line of delivered)
        assert.match(String(line['taskId']), /^[0-9a-f]{32}$/);
    } finally {
      await closeAll(server, receiver);
    }
  });

  test('no secret reaches the logs, even at debug level', async () => {
    const receiver = await startReceiver();
    const dataDir = await makeDataDir();
    const child = await spawnSleeve({
      SLEEVE_DATA_DIR: dataDir,
      SLEEVE_LOG_LEVEL: 'debug',
      SLEEVE_WEBHOOK_KEY: WEBHOOK_KEY,
    });
    try {
      const created = await request(
        child.url,
        'POST',
        '/api/v1/sleeve/admin/keys',
        { name: 'logged?', credits: 10 },
        ADMIN_KEY,
      );
      const secret = created.body.data.key as string;
      const wrong = 'slv_wrongWrongWrongWrongWrongWrong0';
      await request(child.url, 'GET', '/api/v1/chat/credit', undefined, wrong);
      const music = await importRecord(child, secret);
      const hook = `${receiver.url}?token=Tk9secretTk9`;
      const cover = await requestCover(child, secret, music, hook);
      assertEnvelope(cover, 200);
      await receiver.waitFor(1, 60_000);
      await child.kill('SIGTERM');

      const output = child.output();
      assert.match(output, /"level":20/, 'debug lines were written');
      assert.match(output, new RegExp(cover.body.data.taskId));
      for (const leak of [
        ADMIN_KEY,
        WEBHOOK_KEY,
        secret,
        wrong,
        'Tk9secretTk9',
      ]) {
        assert.ok(!output.includes(leak), `${leak.slice(0, 8)}… was logged`);
      }
    } finally {
      await child.kill('SIGKILL');
      await receiver.close();
      await removeDir(dataDir);
    }
  });
});

/** Requests a cover on a new import and waits until it has ended. */
async function finish(server: TestSleeve, callBackUrl: string) {
  const music = await importRecord(server, server.adminKey);
  const created = await requestCover(
    server,
    server.adminKey,
    music,
    callBackUrl,
  );
  const taskId = created.body.data.taskId as string;
  await waitForCover(server, server.adminKey, taskId);
  return taskId;
}

describe('graceful shutdown', () => {
  let receiver: CallbackReceiver;
  before(async () => (receiver = await startReceiver()));
  after(() => closeAll(receiver));

  test('close() finishes the render in flight; the rest runs after a restart, nothing lost', async () => {
    const dataDir = await makeDataDir();
    const env = { ...FAST_POLLS, SLEEVE_RENDER_THREADS: '1' };
    const first = await startSleeve(env, { dataDir });
    const key = await first.createKey(10);
    const covers: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const music = await importRecord(first, key);
      const created = await requestCover(first, key, music, receiver.url);
      covers.push(created.body.data.taskId);
    }
    const inFlight = await eventually(
      async () => {
        for (const id of covers) {
          const info = await coverInfo(first, key, id);
          if (info.body.data.successFlag === 2) return id;
        }
        return undefined;
      },
      30_000,
      10,
    );
    await first.close();

    const db = new BetterSqlite3(path.join(dataDir, 'sleeve.db'), {
      readonly: true,
    });
    const status = db
      .prepare('select status from cover_tasks where task_id = ?')
      .get(inFlight) as { status: string };
    const states = db
      .prepare('select distinct status from cover_tasks')
      .all() as { status: string }[];
    db.close();
    assert.equal(status.status, 'success', 'the render in flight finished');
    assert.ok(
      states.every((s) => s.status === 'success' || s.status === 'pending'),
      `no render left half done: ${JSON.stringify(states)}`,
    );

    const second = await startSleeve(env, { dataDir });
    try {
      for (const id of covers) {
        const info = await waitForCover(second, key, id);
        assert.equal(info['successFlag'], 1);
      }
      await eventually(async () =>
        covers.every((id) =>
          receiver.received.some((c) => c.json?.data?.taskId === id),
        ),
      );
      assert.equal(await creditsOf(second, key), 6, 'charged once each');
    } finally {
      await second.close();
      await removeDir(dataDir);
    }
  });
});

describe('first start of the CLI', () => {
  test('prints a generated admin key and a curl line once, and never again', async () => {
    const dataDir = await makeDataDir();
    const env = { SLEEVE_DATA_DIR: dataDir, SLEEVE_API_KEY: '' };
    const first = await spawnSleeve(env);
    let key: string;
    try {
      await eventually(async () => /curl /.test(first.output()));
      // The key's last character may be "-", after which \b never holds.
      const printed = /\b(slv_[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/.exec(
        first.output(),
      );
      assert.ok(printed?.[1], first.output());
      key = printed[1];
      const curl = first
        .output()
        .split('\n')
        .find((l) => l.includes('curl '));
      assert.ok(curl?.includes(key));
      assert.ok(curl?.includes(first.url));

      const admin = await request(
        first.url,
        'GET',
        '/api/v1/sleeve/admin/keys',
        undefined,
        key,
      );
      assertEnvelope(admin, 200);
      assert.equal(admin.body.data.length, 1);
      assert.equal(admin.body.data[0].admin, true);
    } finally {
      await first.kill('SIGTERM');
    }

    const second = await spawnSleeve(env);
    try {
      assert.doesNotMatch(second.output(), /slv_|curl /);
      const answer = await request(
        second.url,
        'GET',
        '/api/v1/chat/credit',
        undefined,
        key,
      );
      assertEnvelope(answer, 200);
      assert.equal(answer.headers.get('content-type'), JSON_TYPE);
    } finally {
      await second.kill('SIGTERM');
      await removeDir(dataDir);
    }
  });
});

describe('configuration', () => {
  test('serve refuses a bad configuration, listing every problem at once', async () => {
    const dataDir = await makeDataDir();
    try {
      await assert.rejects(
        spawnSleeve({
          SLEEVE_DATA_DIR: dataDir,
          SLEEVE_COVER_COST: '1e308',
          SLEEVE_INITIAL_CREDITS: '-1',
          SLEEVE_RATE_POLL: 'fast',
          SLEEVE_CALLBACK_RETRIES: 'soon',
        }),
        (error: Error) => {
          assert.match(error.message, /^exited [1-9]/);
          for (const name of [
            'SLEEVE_COVER_COST',
            'SLEEVE_INITIAL_CREDITS',
            'SLEEVE_RATE_POLL',
            'SLEEVE_CALLBACK_RETRIES',
          ]) {
            assert.match(error.message, new RegExp(`${name} must be `));
          }
          return true;
        },
      );
    } finally {
      await removeDir(dataDir);
    }
  });
});
