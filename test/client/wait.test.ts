import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  CoverFailedError,
  CoverTimeoutError,
  SleeveClient,
} from '../../src/client/index.js';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';
import { clientFor, createPlainMusic, envelopeResponse } from './helpers.js';

// An API without workers: its cover tasks stay pending, so waits end only
// by abort or timeout. The second server renders, one poll per second.
let idle: TestSleeve;
let working: TestSleeve;

before(async () => {
  idle = await startSleeve({
    SLEEVE_SERVICES: 'api',
    // Required without workers; nothing is rendered, so never reached.
    SLEEVE_PUBLIC_URL: 'http://127.0.0.1:9',
  });
  working = await startSleeve({ SLEEVE_RATE_POLL: '1/1s' });
});
after(async () => {
  await idle?.close();
  await working?.close();
});

async function pendingCover(client: SleeveClient): Promise<string> {
  const musicId = await createPlainMusic(client);
  return (await client.createCover({ taskId: musicId })).taskId;
}

/** The real fetch, with the time and envelope code of every answer. */
function recordingFetch(
  answers: { at: number; code: number }[],
  fake?: (call: number) => Response | undefined,
): typeof fetch {
  let calls = 0;
  return async (input, init) => {
    calls += 1;
    const response = fake?.(calls) ?? (await fetch(input, init));
    const { code } = (await response.clone().json()) as { code: number };
    answers.push({ at: Date.now(), code });
    return response;
  };
}

test('waitForCover rejects with the signal reason when aborted', async () => {
  const client = await clientFor(idle);
  const taskId = await pendingCover(client);
  const controller = new AbortController();
  const reason = new Error('user went away');

  const flags: (number | undefined)[] = [];
  await assert.rejects(
    client.waitForCover(taskId, {
      pollIntervalMs: 50,
      signal: controller.signal,
      onProgress: (details) => {
        flags.push(details?.successFlag);
        if (flags.length === 2) controller.abort(reason);
      },
    }),
    (error) => error === reason,
  );
  assert.deepEqual(flags, [0, 0], 'no poll after the abort');
});

test('an already aborted signal sends no request', async () => {
  let requests = 0;
  const client = new SleeveClient({
    baseUrl: idle.url,
    apiKey: 'unused',
    fetch: async () => {
      requests += 1;
      return envelopeResponse(200, null);
    },
  });
  const controller = new AbortController();
  controller.abort(new Error('stop'));
  await assert.rejects(
    client.waitForCover('a'.repeat(32), { signal: controller.signal }),
    /stop/,
  );
  assert.equal(requests, 0);
});

test('waitForCover gives up with CoverTimeoutError after timeoutMs', async () => {
  const client = await clientFor(idle);
  const taskId = await pendingCover(client);
  await assert.rejects(
    client.waitForCover(taskId, { pollIntervalMs: 50, timeoutMs: 400 }),
    (error) => error instanceof CoverTimeoutError && error.taskId === taskId,
  );
});

test('the overall timeout cuts short a poll that hangs', async () => {
  const client = new SleeveClient({
    baseUrl: idle.url,
    apiKey: 'unused',
    fetch: (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new Error('aborted')),
        );
      }),
  });
  await assert.rejects(
    client.waitForCover('b'.repeat(32), { timeoutMs: 300 }),
    CoverTimeoutError,
  );
});

test('a 429 while waiting is waited out for its Retry-After', async () => {
  const answers: { at: number; code: number }[] = [];
  const apiKey = await working.createKey();
  const client = new SleeveClient({
    baseUrl: working.url,
    apiKey,
    fetch: recordingFetch(answers),
  });
  const musicId = await createPlainMusic(client);
  const { taskId } = await client.createCover({ taskId: musicId });
  answers.length = 0;

  const done = await client.waitForCover(taskId, {
    pollIntervalMs: 20,
    timeoutMs: 60_000,
  });
  assert.equal(done.successFlag, 1);
  const limited = answers.findIndex((answer) => answer.code === 429);
  assert.ok(limited >= 0, 'polling every 20 ms hit the 1/s limit');
  const next = answers[limited + 1];
  assert.ok(next, 'polling went on after the 429');
  assert.ok(next.at - (answers[limited]?.at ?? 0) >= 900, 'waited ~1 s');
});

test('code 455 while waiting backs off, then the wait succeeds', async () => {
  const answers: { at: number; code: number }[] = [];
  const apiKey = await working.createKey();
  const real = new SleeveClient({ baseUrl: working.url, apiKey });
  const musicId = await createPlainMusic(real);
  const { taskId } = await real.createCover({ taskId: musicId });

  // Some providers refuse polls too in maintenance; Sleeve keeps reads
  // open, so the first two answers are a provider's 455.
  const client = new SleeveClient({
    baseUrl: working.url,
    apiKey,
    fetch: recordingFetch(answers, (call) =>
      call <= 2 ? envelopeResponse(455, null) : undefined,
    ),
  });
  const done = await client.waitForCover(taskId, {
    pollIntervalMs: 1100,
    maintenanceBackoffMs: 300,
    timeoutMs: 60_000,
  });
  assert.equal(done.successFlag, 1);
  assert.deepEqual(
    answers.slice(0, 3).map((a) => a.code),
    [455, 455, 200],
  );
  const gap = (answers[1]?.at ?? 0) - (answers[0]?.at ?? 0);
  assert.ok(gap >= 280, `backed off ${gap} ms`);
});

test('a failed cover rejects with CoverFailedError carrying code 500', async () => {
  const failed = {
    taskId: 'c'.repeat(32),
    parentTaskId: 'd'.repeat(32),
    callbackUrl: null,
    createTime: '2025-01-15T10:33:01.000Z',
    completeTime: '2025-01-15T10:33:05.000Z',
    response: { images: [] },
    successFlag: 3,
    errorCode: 500,
    errorMessage: 'Cover image generation failed; try again.',
  };
  const client = new SleeveClient({
    baseUrl: 'http://127.0.0.1:9',
    apiKey: 'unused',
    fetch: async () => envelopeResponse(200, failed),
  });
  await assert.rejects(
    client.waitForCover(failed.taskId),
    (error) =>
      error instanceof CoverFailedError &&
      error.code === 500 &&
      error.taskId === failed.taskId &&
      error.message === failed.errorMessage,
  );
});
