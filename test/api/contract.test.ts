import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  closeAll,
  coverInfo,
  creditsOf,
  importRecord,
  newHexId,
  requestCover,
  successRecord,
  waitForCover,
} from '../support/api-helpers.js';
import {
  startReceiver,
  type CallbackReceiver,
} from '../support/callback-receiver.js';
import {
  request,
  startSleeve,
  type TestSleeve,
} from '../support/sleeve-server.js';
import { readSharedRecord } from '../support/tracks.js';
import {
  assertBusinessError,
  assertCoverInfo,
  assertEnvelope,
  assertFailureCallback,
  assertPlainWords,
  assertTaskId,
  JSON_TYPE,
} from './contract-checks.js';

/** Polls are not what these tests are about: a limit no test reaches. */
const FAST_POLLS = { SLEEVE_RATE_POLL: '1000/1s' };

const musicInfo = (server: TestSleeve, key: string, taskId: string) =>
  request(
    server.url,
    'GET',
    `/api/v1/generate/record-info?taskId=${taskId}`,
    undefined,
    key,
  );

describe('envelope', () => {
  let server: TestSleeve;
  before(async () => (server = await startSleeve(FAST_POLLS)));
  after(() => closeAll(server));

  test('every answer is {code, msg, data} as JSON in UTF-8', async () => {
    const answers = [
      await server.api('GET', '/api/v1/chat/credit'),
      await server.api('GET', '/api/v1/suno/cover/record-info?taskId=x'),
      await server.api('POST', '/api/v1/suno/cover/generate', {}),
      await server.api('GET', '/api/v1/chat/credit', undefined, null),
      await server.api('GET', '/healthz', undefined, null),
    ];
    for (const answer of answers) {
      assert.equal(answer.headers.get('content-type'), JSON_TYPE);
      assert.deepEqual(Object.keys(answer.body).sort(), [
        'code',
        'data',
        'msg',
      ]);
    }
  });

  test('business errors travel as HTTP 200 with the code in the body', async () => {
    const music = await importRecord(server, server.adminKey);
    const unknownParent = await requestCover(
      server,
      server.adminKey,
      newHexId(),
    );
    assertBusinessError(unknownParent, 422);
    const noKey = await server.api(
      'GET',
      '/api/v1/chat/credit',
      undefined,
      null,
    );
    assertBusinessError(noKey, 401);
    const first = await requestCover(server, server.adminKey, music);
    assertEnvelope(first, 200);
    const duplicate = await requestCover(server, server.adminKey, music);
    assertBusinessError(duplicate, 400);
  });

  test('a CORS preflight is answered for the API routes', async () => {
    const response = await fetch(`${server.url}/api/v1/suno/cover/generate`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    assert.ok(response.status === 204 || response.status === 200);
    assert.equal(
      response.headers.get('access-control-allow-origin'),
      'https://app.example.org',
    );
    const methods = String(
      response.headers.get('access-control-allow-methods'),
    );
    assert.match(methods, /POST/);
    const allowed = String(
      response.headers.get('access-control-allow-headers'),
    ).toLowerCase();
    assert.match(allowed, /authorization/);
    assert.match(allowed, /content-type/);
  });

  test('a simple cross-origin GET carries the CORS header too', async () => {
    const response = await fetch(`${server.url}/api/v1/chat/credit`, {
      headers: {
        origin: 'https://app.example.org',
        authorization: `Bearer ${server.adminKey}`,
      },
    });
    assert.equal(
      response.headers.get('access-control-allow-origin'),
      'https://app.example.org',
    );
  });

  test('unknown request fields and headers are ignored', async () => {
    const music = await importRecord(server, server.adminKey);
    const answer = await request(
      server.url,
      'POST',
      '/api/v1/suno/cover/generate',
      { taskId: music, model: 'V4', somethingNew: { nested: [1, 2] } },
      server.adminKey,
    );
    assertEnvelope(answer, 200);
    assertTaskId(answer.body.data.taskId);
  });
});

describe('SLEEVE_HTTP_STATUS_MIRROR=1', () => {
  let server: TestSleeve;
  before(
    async () =>
      (server = await startSleeve({
        SLEEVE_RATE_POLL: '1/60s',
        SLEEVE_HTTP_STATUS_MIRROR: '1',
        SLEEVE_COVER_COST: '1',
      })),
  );
  after(() => closeAll(server));

  test('mirrors error codes into the HTTP status and keeps 200 for success', async () => {
    const music = await importRecord(server, server.adminKey);
    const ok = await requestCover(server, server.adminKey, music);
    assert.equal(ok.status, 200);
    assertEnvelope(ok, 200);

    const poor = await server.createKey(0);
    const cases: [Promise<Awaited<ReturnType<typeof request>>>, number][] = [
      [requestCover(server, server.adminKey, music), 400],
      [server.api('GET', '/api/v1/chat/credit', undefined, 'nope'), 401],
      [requestCover(server, poor, await importRecord(server, poor)), 402],
      [server.api('GET', '/api/v1/suno/cover/record-info'), 422],
      [server.api('GET', '/no/such/endpoint'), 404],
    ];
    for (const [pending, code] of cases) {
      const answer = await pending;
      assert.equal(answer.status, code, JSON.stringify(answer.body));
      assertEnvelope(answer, code);
    }
  });

  test('mirrors 429 and 455 too, with Retry-After', async () => {
    const music = await importRecord(server, server.adminKey);
    const cover = (await requestCover(server, server.adminKey, music)).body.data
      .taskId;
    await coverInfo(server, server.adminKey, cover);
    const limited = await coverInfo(server, server.adminKey, cover);
    assert.equal(limited.status, 429);
    assertEnvelope(limited, 429);
    assert.match(String(limited.headers.get('retry-after')), /^\d+$/);

    await server.api('POST', '/api/v1/sleeve/admin/maintenance', {
      enabled: true,
    });
    const closed = await requestCover(server, server.adminKey, music);
    assert.equal(closed.status, 455);
    assertEnvelope(closed, 455);
    assert.match(String(closed.headers.get('retry-after')), /^\d+$/);
    await server.api('POST', '/api/v1/sleeve/admin/maintenance', {
      enabled: false,
    });
  });
});

describe('record-info field types in each state', () => {
  describe('pending and generating (API-only server, no worker)', () => {
    let server: TestSleeve;
    let music: string;
    let cover: string;
    before(async () => {
      server = await startSleeve({
        ...FAST_POLLS,
        SLEEVE_SERVICES: 'api',
        // Image URLs are never made here: no worker runs.
        SLEEVE_PUBLIC_URL: 'http://127.0.0.1:9',
      });
      music = await importRecord(server, server.adminKey);
      const created = await requestCover(
        server,
        server.adminKey,
        music,
        'https://hooks.example.org/cover?id=1',
      );
      assertEnvelope(created, 200);
      cover = created.body.data.taskId;
    });
    after(() => closeAll(server));

    test('a queued task is pending: flag 0, nulls, no images', async () => {
      const answer = await coverInfo(server, server.adminKey, cover);
      assertEnvelope(answer, 200);
      assertCoverInfo(answer.body.data, 'pending', {
        taskId: cover,
        parentTaskId: music,
        callbackUrl: 'https://hooks.example.org/cover?id=1',
      });
    });

    test('a pending task is a duplicate: code 400 with its task id', async () => {
      const again = await requestCover(server, server.adminKey, music);
      assertBusinessError(again, 400);
      assert.deepEqual(again.body.data, { taskId: cover });
    });

    test('a task a worker has started is generating: flag 2, nulls, no images', async () => {
      // The worker's own first step; no worker runs in this server.
      await server.sleeve.stores.coverTasks.start(cover, Date.now());
      const answer = await coverInfo(server, server.adminKey, cover);
      assertCoverInfo(answer.body.data, 'generating', {
        taskId: cover,
        parentTaskId: music,
        callbackUrl: 'https://hooks.example.org/cover?id=1',
      });
      const again = await requestCover(server, server.adminKey, music);
      assertBusinessError(again, 400);
      assert.deepEqual(again.body.data, { taskId: cover });
    });
  });

  describe('success', () => {
    let server: TestSleeve;
    before(async () => (server = await startSleeve(FAST_POLLS)));
    after(() => closeAll(server));

    test('a finished task: flag 1, ISO times, two URLs, errorCode 200, ""', async () => {
      const music = await importRecord(server, server.adminKey);
      const created = await requestCover(server, server.adminKey, music);
      const cover = created.body.data.taskId;
      const info = await waitForCover(server, server.adminKey, cover);
      assertCoverInfo(info, 'success', {
        taskId: cover,
        parentTaskId: music,
        callbackUrl: null,
      });
      assert.notEqual(info['response'].images[0], info['response'].images[1]);
    });

    test('a done task is a duplicate: code 400 with its task id', async () => {
      const music = await importRecord(server, server.adminKey);
      const created = await requestCover(server, server.adminKey, music);
      const cover = created.body.data.taskId;
      await waitForCover(server, server.adminKey, cover);
      const again = await requestCover(server, server.adminKey, music);
      assertBusinessError(again, 400);
      assert.deepEqual(again.body.data, { taskId: cover });
    });
  });

  describe('failed (image storage refuses writes during the render)', () => {
    let server: TestSleeve;
    let receiver: CallbackReceiver;
    let key: string;
    const objects = () => path.join(server.dataDir, 'objects');

    before(async () => {
      receiver = await startReceiver();
      server = await startSleeve({ ...FAST_POLLS, SLEEVE_COVER_COST: '2.5' });
      key = await server.createKey(10);
      // A plain file where the image folder should be: every write fails,
      // whoever the tests run as.
      await fs.rm(objects(), { recursive: true, force: true });
      await fs.writeFile(objects(), 'not a folder');
    });
    after(() => closeAll(receiver, server));

    test('a failed task: flag 3, errorCode 500, a reason in plain words, a 501 callback, a refund, and it may be asked again', async () => {
      const music = await importRecord(server, key);
      const created = await requestCover(server, key, music, receiver.url);
      assertEnvelope(created, 200);
      const cover = created.body.data.taskId;
      assert.equal(await creditsOf(server, key), 7.5);

      const info = await waitForCover(server, key, cover);
      assertCoverInfo(info, 'failed', {
        taskId: cover,
        parentTaskId: music,
        callbackUrl: receiver.url,
      });
      const [callback] = await receiver.waitFor(1);
      assert.ok(callback);
      assertFailureCallback(callback, cover);
      assert.equal(await creditsOf(server, key), 10, 'refunded');

      await fs.rm(objects(), { force: true });
      const retried = await requestCover(server, key, music);
      assertEnvelope(retried, 200);
      assertTaskId(retried.body.data.taskId);
      assert.notEqual(retried.body.data.taskId, cover);
      const second = await waitForCover(server, key, retried.body.data.taskId);
      assert.equal(second['successFlag'], 1);
      assert.equal(await creditsOf(server, key), 7.5, 'charged once more');

      // The failed task keeps answering as failed.
      const old = await coverInfo(server, key, cover);
      assert.equal(old.body.data.successFlag, 3);
    });
  });
});

describe('requests and lookups', () => {
  let server: TestSleeve;
  let receiver: CallbackReceiver;
  before(async () => {
    receiver = await startReceiver();
    server = await startSleeve(FAST_POLLS);
  });
  after(() => closeAll(receiver, server));

  test('an unknown taskId answers code 200 with data null', async () => {
    for (const taskId of [newHexId(), 'not-even-hex', 'ü']) {
      const answer = await coverInfo(server, server.adminKey, taskId);
      assertEnvelope(answer, 200);
      assert.equal(answer.body.data, null);
    }
  });

  test("another key's task answers data null, as an unknown one", async () => {
    const music = await importRecord(server, server.adminKey);
    const created = await requestCover(server, server.adminKey, music);
    const other = await server.createKey(5);
    const answer = await coverInfo(server, other, created.body.data.taskId);
    assertEnvelope(answer, 200);
    assert.equal(answer.body.data, null);
  });

  test('record-info without taskId is code 422', async () => {
    for (const query of ['', '?taskId=', '?other=1']) {
      const answer = await server.api(
        'GET',
        `/api/v1/suno/cover/record-info${query}`,
      );
      assertBusinessError(answer, 422);
      assert.match(answer.body.msg, /taskId/);
    }
  });

  test('generate without taskId is code 422', async () => {
    for (const body of [{}, { taskId: '' }, { taskId: null }]) {
      const answer = await server.api(
        'POST',
        '/api/v1/suno/cover/generate',
        body,
      );
      assertBusinessError(answer, 422);
      assert.match(answer.body.msg, /taskId/);
    }
  });

  test('an unknown parent is code 422 saying the music record does not exist', async () => {
    const answer = await requestCover(server, server.adminKey, newHexId());
    assertBusinessError(answer, 422);
    assert.match(answer.body.msg, /music record does not exist/i);
  });

  test('a parent that has not finished is code 422, whichever way it did not', async () => {
    for (const [name, says] of [
      ['still-generating.json', /has not finished/],
      ['failed.json', /music task failed \(status GENERATE_AUDIO_FAILED\)/],
    ] as const) {
      const music = await importRecord(
        server,
        server.adminKey,
        readSharedRecord(name),
      );
      const answer = await requestCover(server, server.adminKey, music);
      assertBusinessError(answer, 422);
      assert.match(answer.body.msg, says);
    }
  });

  test('a record with no tracks yet shows the title and style it asked for', async () => {
    const music = await importRecord(
      server,
      server.adminKey,
      readSharedRecord('failed.json'),
    );
    const view = await server.api('GET', `/api/v1/sleeve/music/${music}`);
    assert.equal(view.body.data.title, 'Rejected');
    assert.equal(view.body.data.tags, 'pop');
    assert.equal(view.body.data.record.status, 'GENERATE_AUDIO_FAILED');
  });

  test('callBackUrl is optional: without one the task is polled, callbackUrl null', async () => {
    const music = await importRecord(server, server.adminKey);
    for (const body of [{ taskId: music }]) {
      const answer = await server.api(
        'POST',
        '/api/v1/suno/cover/generate',
        body,
      );
      assertEnvelope(answer, 200);
      const info = await coverInfo(
        server,
        server.adminKey,
        answer.body.data.taskId,
      );
      assert.equal(info.body.data.callbackUrl, null);
    }
  });

  test('a bad callBackUrl is code 422 and the message does not echo it', async () => {
    const music = await importRecord(server, server.adminKey);
    const bad = [
      'ftp://files.example.org/hook?token=Zq8secretZq8',
      'hooks.example.org/Zq8secretZq8',
      'https://user:Zq8secretZq8@hooks.example.org/x',
      'javascript:alert("Zq8secretZq8")',
      'https://hooks.example.org/ Zq8secretZq8',
      `https://hooks.example.org/${'Zq8secretZq8'.repeat(200)}`,
    ];
    for (const callBackUrl of bad) {
      const answer = await requestCover(
        server,
        server.adminKey,
        music,
        callBackUrl,
      );
      assertBusinessError(answer, 422);
      assert.match(answer.body.msg, /callBackUrl/);
      assert.doesNotMatch(answer.body.msg, /Zq8secret|hooks\.example/);
    }
    // None of them made a task: the parent can still be asked.
    const ok = await requestCover(server, server.adminKey, music);
    assertEnvelope(ok, 200);
  });

  test('callbackUrl in record-info is the URL exactly as given', async () => {
    const origin = new URL(receiver.url).origin;
    const given = [origin, `${origin.toUpperCase()}/callback?b=2&a=1`];
    for (const callBackUrl of given) {
      const music = await importRecord(server, server.adminKey);
      const created = await requestCover(
        server,
        server.adminKey,
        music,
        callBackUrl,
      );
      assertEnvelope(created, 200);
      const info = await coverInfo(
        server,
        server.adminKey,
        created.body.data.taskId,
      );
      assert.equal(info.body.data.callbackUrl, callBackUrl);
    }
    const paths = await receiver.waitFor(2);
    assert.deepEqual(paths.map((c) => c.path).sort(), [
      '/',
      '/callback?b=2&a=1',
    ]);
    receiver.received.length = 0;
  });

  test('concurrent requests for one parent make one task, charged once', async () => {
    const key = await server.createKey(10);
    const music = await importRecord(server, key);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => requestCover(server, key, music)),
    );
    const created = answers.filter((a) => a.body.code === 200);
    assert.equal(created.length, 1);
    const taskId = created[0]?.body.data.taskId;
    for (const answer of answers.filter((a) => a.body.code !== 200)) {
      assertBusinessError(answer, 400);
      assert.deepEqual(answer.body.data, { taskId });
    }
    assert.equal(await creditsOf(server, key), 9);
  });

  test('music record-info: unknown task is data null, missing taskId is 422', async () => {
    const unknown = await musicInfo(server, server.adminKey, newHexId());
    assertEnvelope(unknown, 200);
    assert.equal(unknown.body.data, null);
    const missing = await server.api('GET', '/api/v1/generate/record-info');
    assertBusinessError(missing, 422);
    assert.match(missing.body.msg, /taskId/);
  });

  test('loopback callbacks are refused unless allowed, and nothing is sent', async () => {
    const strict = await startSleeve({
      ...FAST_POLLS,
      SLEEVE_ALLOW_PRIVATE_CALLBACKS: '0',
    });
    try {
      const music = await importRecord(strict, strict.adminKey);
      const answer = await requestCover(
        strict,
        strict.adminKey,
        music,
        receiver.url,
      );
      assertBusinessError(answer, 422);
      assert.doesNotMatch(answer.body.msg, /127\.0\.0\.1|\/callback/);
      assert.equal(receiver.received.length, 0);
    } finally {
      await strict.close();
    }
  });
});

describe('credits', () => {
  let server: TestSleeve;
  before(
    async () =>
      (server = await startSleeve({
        ...FAST_POLLS,
        SLEEVE_COVER_COST: '0.25',
      })),
  );
  after(() => closeAll(server));

  test('both credit endpoints answer the balance as a bare number', async () => {
    const key = await server.createKey(12.5);
    for (const route of ['/api/v1/chat/credit', '/api/v1/generate/credit']) {
      const answer = await server.api('GET', route, undefined, key);
      assertEnvelope(answer, 200);
      assert.equal(typeof answer.body.data, 'number');
      assert.equal(answer.body.data, 12.5);
    }
  });

  test('a cover is charged its configured cost once, duplicates are free', async () => {
    const key = await server.createKey(1);
    const music = await importRecord(server, key);
    const created = await requestCover(server, key, music);
    assertEnvelope(created, 200);
    assert.equal(await creditsOf(server, key), 0.75);
    for (let i = 0; i < 3; i += 1) {
      assertBusinessError(await requestCover(server, key, music), 400);
    }
    await waitForCover(server, key, created.body.data.taskId);
    assert.equal(await creditsOf(server, key), 0.75);
  });

  test('without enough credits the request is code 402 and nothing is made', async () => {
    const key = await server.createKey(0.2);
    const music = await importRecord(server, key);
    const answer = await requestCover(server, key, music);
    assertBusinessError(answer, 402);
    assert.equal(answer.body.data, null);
    assert.match(answer.body.msg, /credit/i);
    assert.equal(await creditsOf(server, key), 0.2);
    // Nothing was made, so topping up lets the same parent be asked.
    const keyId = (await server.sleeve.accounts.authenticate(`Bearer ${key}`))
      .id;
    const topUp = await server.api(
      'POST',
      `/api/v1/sleeve/admin/keys/${keyId}/credits`,
      { amount: 0.05 },
    );
    assertEnvelope(topUp, 200);
    assertEnvelope(await requestCover(server, key, music), 200);
    assert.equal(await creditsOf(server, key), 0);
  });

  test('the last credits are spent exactly: fractions do not drift', async () => {
    const key = await server.createKey(0.75);
    for (let i = 0; i < 3; i += 1) {
      const music = await importRecord(server, key);
      assertEnvelope(await requestCover(server, key, music), 200);
    }
    assert.equal(await creditsOf(server, key), 0);
    const music = await importRecord(server, key);
    assertBusinessError(await requestCover(server, key, music), 402);
  });

  test('an auth failure on the credit endpoints carries no balance', async () => {
    for (const route of ['/api/v1/chat/credit', '/api/v1/generate/credit']) {
      const answer = await server.api('GET', route, undefined, 'not-a-key');
      assertBusinessError(answer, 401);
      assert.equal(answer.body.data, null);
    }
  });
});

describe('rate limits', () => {
  let server: TestSleeve;
  before(
    async () =>
      (server = await startSleeve({
        SLEEVE_RATE_GENERATE: '3/60s',
        SLEEVE_RATE_POLL: '2/60s',
      })),
  );
  after(() => closeAll(server));

  const assertLimited = (answer: Awaited<ReturnType<typeof request>>) => {
    assertBusinessError(answer, 429);
    const retryAfter = answer.headers.get('retry-after');
    assert.match(String(retryAfter), /^\d+$/);
    assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= 60);
  };

  test('new generation requests over the limit are 429 with Retry-After, per key', async () => {
    const key = await server.createKey(100);
    const musics = await Promise.all(
      [1, 2, 3, 4].map(() => importRecord(server, key)),
    );
    for (const music of musics.slice(0, 3)) {
      assertEnvelope(await requestCover(server, key, music), 200);
    }
    const refused = await requestCover(server, key, musics[3]);
    assertLimited(refused);
    assert.match(refused.body.msg, /\d+/);

    // Refused, not queued: the parent has no cover task.
    const other = await server.createKey(100);
    const theirs = await importRecord(server, other);
    assertEnvelope(await requestCover(server, other, theirs), 200);
  });

  test('status polls over the limit are 429 with Retry-After, per task', async () => {
    const key = await server.createKey(100);
    const [first, second] = await Promise.all([
      importRecord(server, key),
      importRecord(server, key),
    ]);
    const a = (await requestCover(server, key, first)).body.data.taskId;
    const b = (await requestCover(server, key, second)).body.data.taskId;

    assertEnvelope(await coverInfo(server, key, a), 200);
    assertEnvelope(await coverInfo(server, key, a), 200);
    assertLimited(await coverInfo(server, key, a));
    assertEnvelope(await coverInfo(server, key, b), 200);
  });
});

describe('maintenance', () => {
  let server: TestSleeve;
  let key: string;
  let music: string;
  let cover: string;
  before(async () => {
    server = await startSleeve(FAST_POLLS);
    key = await server.createKey(10);
    music = await importRecord(server, key);
    cover = (await requestCover(server, key, music)).body.data.taskId;
  });
  after(() => closeAll(server));

  const setMaintenance = (enabled: boolean, admin = server.adminKey) =>
    server.api('POST', '/api/v1/sleeve/admin/maintenance', { enabled }, admin);

  test('the admin switch refuses new work with 455 and keeps reads', async () => {
    const on = await setMaintenance(true);
    assertEnvelope(on, 200);
    assert.deepEqual(on.body.data, { enabled: true });
    await assertNewWorkRefused(server, key);
    await assertReadsServed(server, key, music, cover);

    const off = await setMaintenance(false);
    assert.deepEqual(off.body.data, { enabled: false });
    const fresh = await importRecord(server, key);
    assertEnvelope(await requestCover(server, key, fresh), 200);
  });

  test('a key that is not an admin cannot switch maintenance', async () => {
    const answer = await setMaintenance(true, key);
    assertBusinessError(answer, 401);
    const state = await server.api('GET', '/api/v1/sleeve/admin/maintenance');
    assert.deepEqual(state.body.data, { enabled: false });
  });

  test('SLEEVE_MAINTENANCE=1 refuses new work from the start, reads still work', async () => {
    const closed = await startSleeve({
      ...FAST_POLLS,
      SLEEVE_MAINTENANCE: '1',
    });
    try {
      const other = await closed.createKey(10);
      await assertNewWorkRefused(closed, other);
      const credit = await closed.api(
        'GET',
        '/api/v1/chat/credit',
        undefined,
        other,
      );
      assertEnvelope(credit, 200);
      const unknown = await coverInfo(closed, other, newHexId());
      assertEnvelope(unknown, 200);
      const health = await closed.api('GET', '/healthz', undefined, null);
      assert.equal(health.status, 200);
    } finally {
      await closed.close();
    }
  });
});

async function assertNewWorkRefused(server: TestSleeve, key: string) {
  const refused = [
    await requestCover(server, key, newHexId()),
    await server.api(
      'POST',
      '/api/v1/sleeve/music/import',
      successRecord(),
      key,
    ),
    await server.api('POST', '/api/v1/sleeve/music', { title: 'Hold' }, key),
  ];
  for (const answer of refused) {
    assertBusinessError(answer, 455);
    assertPlainWords(answer.body.msg);
  }
}

async function assertReadsServed(
  server: TestSleeve,
  key: string,
  music: string,
  cover: string,
) {
  const info = await coverInfo(server, key, cover);
  assertEnvelope(info, 200);
  assert.equal(info.body.data.taskId, cover);
  assertEnvelope(
    await server.api('GET', '/api/v1/chat/credit', undefined, key),
    200,
  );
  const record = await musicInfo(server, key, music);
  assertEnvelope(record, 200);
  assert.equal(record.body.data.taskId, music);
}

describe('isolation between keys', () => {
  let server: TestSleeve;
  before(async () => (server = await startSleeve(FAST_POLLS)));
  after(() => closeAll(server));

  test("one key sees none of another key's music, covers or credits", async () => {
    const alice = await server.createKey(10);
    const bob = await server.createKey(3);
    const created = await server.api(
      'POST',
      '/api/v1/sleeve/music',
      { title: 'Private Song', tags: 'folk' },
      alice,
    );
    const music = created.body.data.taskId;
    const cover = (await requestCover(server, alice, music)).body.data.taskId;

    assert.equal((await musicInfo(server, bob, music)).body.data, null);
    assert.equal((await coverInfo(server, bob, cover)).body.data, null);
    const theirs = await requestCover(server, bob, music);
    assertBusinessError(theirs, 422);
    assert.match(theirs.body.msg, /does not exist/);
    assert.equal(await creditsOf(server, alice), 9);
    assert.equal(await creditsOf(server, bob), 3);

    const listed = await server.api(
      'GET',
      '/api/v1/sleeve/music',
      undefined,
      bob,
    );
    assert.deepEqual(listed.body.data.items, []);
  });

  test("the same record imported under two keys is each key's own", async () => {
    const alice = await server.createKey(10);
    const bob = await server.createKey(10);
    const record = successRecord();
    const musicA = await importRecord(server, alice, record);
    const musicB = await importRecord(server, bob, record);
    assert.equal(musicA, musicB, 'the provider task id is kept');

    const coverA = (await requestCover(server, alice, musicA)).body.data.taskId;
    const coverB = await requestCover(server, bob, musicB);
    assertEnvelope(coverB, 200);
    assert.notEqual(coverB.body.data.taskId, coverA);
    assert.equal((await coverInfo(server, bob, coverA)).body.data, null);
    assert.equal(
      (await coverInfo(server, bob, coverB.body.data.taskId)).body.data
        .parentTaskId,
      musicB,
    );
  });
});

describe('import', () => {
  let server: TestSleeve;
  before(async () => (server = await startSleeve(FAST_POLLS)));
  after(() => closeAll(server));

  test('importing the same record twice answers the same taskId and changes nothing', async () => {
    const record = successRecord();
    const first = await importRecord(server, server.adminKey, record);
    const before = await musicInfo(server, server.adminKey, first);

    const changed = structuredClone(record) as { data: any };
    changed.data.response.sunoData[0].title = 'Changed Title';
    const second = await importRecord(server, server.adminKey, changed);
    const again = await importRecord(server, server.adminKey, record);
    assert.equal(second, first);
    assert.equal(again, first);
    const after = await musicInfo(server, server.adminKey, first);
    assert.deepEqual(after.body, before.body);
  });

  test('a whole {code,msg,data} body and its bare data both import', async () => {
    const record = successRecord() as { data: any };
    const fromEnvelope = await importRecord(server, server.adminKey, record);
    const bare = successRecord() as { data: any };
    const fromData = await importRecord(server, server.adminKey, bare.data);
    assert.equal(fromEnvelope, record.data.taskId);
    assert.equal(fromData, bare.data.taskId);

    for (const taskId of [fromEnvelope, fromData]) {
      const info = await musicInfo(server, server.adminKey, taskId);
      assertEnvelope(info, 200);
      assert.equal(info.body.data.status, 'SUCCESS');
      assert.equal(info.body.data.response.sunoData.length, 2);
      assert.equal(info.body.data.param, record.data.param);
    }
  });

  test("an imported record answers in the providers' shape, as saved", async () => {
    const saved = readSharedRecord('still-generating.json') as { data: any };
    const music = await importRecord(server, server.adminKey, saved);
    const info = await musicInfo(server, server.adminKey, music);
    assert.deepEqual(info.body.data, saved.data);
  });
});
