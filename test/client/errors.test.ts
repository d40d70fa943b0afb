import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SleeveApiError, SleeveClient } from '../../src/client/index.js';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';
import { clientFor, createPlainMusic } from './helpers.js';

let server: TestSleeve;

before(async () => {
  // Two polls per task per minute, so the third is surely refused.
  server = await startSleeve({ SLEEVE_RATE_POLL: '2/60s' });
});
after(() => server.close());

/** Runs `call` and answers the SleeveApiError it must reject with. */
async function apiErrorOf(call: () => Promise<unknown>) {
  const error = await call().then(
    () => assert.fail('expected a rejection'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof SleeveApiError, `got ${String(error)}`);
  return error;
}

test('an unknown key rejects with code 401', async () => {
  const client = new SleeveClient({
    baseUrl: server.url,
    apiKey: 'sk-not-a-real-key-000000000000',
  });
  const error = await apiErrorOf(() => client.getCredits());
  assert.equal(error.code, 401);
  assert.equal(error.isUnauthorized, true);
  assert.equal(error.httpStatus, 200, 'business errors travel as HTTP 200');
  assert.ok(!error.message.includes('sk-not-a-real-key'), 'no secret echoed');
});

test('a key without credits rejects with code 402', async () => {
  const client = await clientFor(server, { credits: 0 });
  const taskId = await createPlainMusic(client);
  const error = await apiErrorOf(() => client.createCover({ taskId }));
  assert.equal(error.code, 402);
  assert.equal(error.isInsufficientCredits, true);
});

test('an unknown parent task rejects with code 422 in plain words', async () => {
  const client = await clientFor(server);
  const error = await apiErrorOf(() =>
    client.createCover({ taskId: '0'.repeat(32) }),
  );
  assert.equal(error.code, 422);
  assert.match(error.message, /does not exist/);
});

test('a second cover for the same music rejects with 400 and the existing id', async () => {
  const client = await clientFor(server);
  const taskId = await createPlainMusic(client);
  const first = await client.createCover({ taskId });
  const error = await apiErrorOf(() => client.createCover({ taskId }));
  assert.equal(error.code, 400);
  assert.equal(error.existingTaskId, first.taskId);
});

test('too many polls reject with 429 and the Retry-After seconds', async () => {
  const client = await clientFor(server);
  const musicId = await createPlainMusic(client);
  const { taskId } = await client.createCover({ taskId: musicId });
  await client.getCoverDetails(taskId);
  await client.getCoverDetails(taskId);
  const error = await apiErrorOf(() => client.getCoverDetails(taskId));
  assert.equal(error.code, 429);
  assert.equal(error.isRateLimited, true);
  assert.ok(error.retryAfterSec !== undefined && error.retryAfterSec >= 1);
  assert.ok(error.retryAfterSec <= 60);
});

test('new work in maintenance rejects with 455, and succeeds once it ends', async () => {
  const client = await clientFor(server);
  const taskId = await createPlainMusic(client);
  const admin = (enabled: boolean) =>
    server.api('POST', '/api/v1/sleeve/admin/maintenance', { enabled });

  await admin(true);
  try {
    const error = await apiErrorOf(() => client.createCover({ taskId }));
    assert.equal(error.code, 455);
    assert.equal(error.isMaintenance, true);
    assert.ok(error.retryAfterSec !== undefined && error.retryAfterSec > 0);
    assert.equal(typeof (await client.getCredits()), 'number', 'reads work');
  } finally {
    await admin(false);
  }
  const created = await client.createCover({ taskId });
  assert.match(created.taskId, /^[0-9a-f]{32}$/);
});

test('an answer that is not JSON rejects as a network error', async () => {
  const client = new SleeveClient({
    baseUrl: server.url,
    apiKey: 'x',
    fetch: async () =>
      new Response('<html>bad gateway</html>', { status: 502 }),
  });
  await assert.rejects(() => client.getCredits(), {
    name: 'SleeveNetworkError',
    message: /HTTP 502/,
  });
});
