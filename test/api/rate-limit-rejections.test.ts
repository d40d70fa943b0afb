import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  closeAll,
  importRecord,
  newHexId,
  requestCover,
} from '../support/api-helpers.js';
import {
  request,
  startSleeve,
  type ApiAnswer,
  type TestSleeve,
} from '../support/sleeve-server.js';
import { assertBusinessError, assertEnvelope } from './contract-checks.js';

/** The generate limit of these tests; rejected requests get five times it. */
const LIMIT = 4;
const ATTEMPTS = LIMIT * 5;

const generate = (server: TestSleeve, key: string, body: unknown) =>
  request(server.url, 'POST', '/api/v1/suno/cover/generate', body, key);

function assertLimited(answer: ApiAnswer, pattern: RegExp) {
  assertBusinessError(answer, 429);
  assert.match(String(answer.headers.get('retry-after')), /^\d+$/);
  assert.match(answer.body.msg, pattern);
}

describe('rejected generate requests and the rate limit', () => {
  let server: TestSleeve;
  before(async () => {
    server = await startSleeve({ SLEEVE_RATE_GENERATE: `${LIMIT}/60s` });
  });
  after(() => closeAll(server));

  /** Each is refused with 422, by the schema or by the cover service. */
  const badBodies = (parent: string): unknown[] => [
    {},
    { taskId: 42 },
    { taskId: newHexId() },
    { taskId: parent, callBackUrl: 'ftp://example.com/hook' },
    { taskId: parent, variation: -1 },
    { taskId: parent, variation: 1.5 },
  ];

  test('bad requests answer 422 every time and leave the limit whole', async () => {
    const key = await server.createKey(100);
    const parent = await importRecord(server, key);
    const bodies = badBodies(parent);
    for (let i = 0; i < LIMIT + 5; i += 1) {
      const body = bodies[i % bodies.length];
      const answer = await generate(server, key, body);
      assertBusinessError(answer, 422);
    }

    const parents = [parent];
    for (let i = 1; i < LIMIT; i += 1) {
      parents.push(await importRecord(server, key));
    }
    for (const music of parents) {
      assertEnvelope(await requestCover(server, key, music), 200);
    }
  });

  test('duplicates and requests without credits do not spend it either', async () => {
    const key = await server.createKey(1);
    const paid = await importRecord(server, key);
    assertEnvelope(await requestCover(server, key, paid), 200);
    const unpaid = await importRecord(server, key);
    for (let i = 0; i < LIMIT + 2; i += 1) {
      const duplicate = await requestCover(server, key, paid);
      assertBusinessError(duplicate, 400);
      assert.match(duplicate.body.data.taskId, /^[0-9a-f]{32}$/);
      assertBusinessError(await requestCover(server, key, unpaid), 402);
    }
  });

  test('valid requests still meet 429 at the limit', async () => {
    const key = await server.createKey(100);
    const parents: string[] = [];
    for (let i = 0; i <= LIMIT; i += 1) {
      parents.push(await importRecord(server, key));
    }
    for (const music of parents.slice(0, LIMIT)) {
      assertEnvelope(await requestCover(server, key, music), 200);
    }
    const over = await requestCover(server, key, parents[LIMIT]);
    assertLimited(over, new RegExp(`at most ${LIMIT} per 60 s`));

    // A malformed body is still told what is wrong, not to wait.
    assertBusinessError(await generate(server, key, {}), 422);
  });

  test('a flood of bad requests is held back by its own, larger budget', async () => {
    const key = await server.createKey(100);
    const parent = await importRecord(server, key);
    for (let i = 0; i < ATTEMPTS; i += 1) {
      assertBusinessError(await generate(server, key, { taskId: 42 }), 422);
    }
    const flooded = await generate(server, key, { taskId: 42 });
    assertLimited(flooded, new RegExp(`rejected.*at most ${ATTEMPTS} per`));
    // Until the window ends, the key is held back whatever it sends.
    assertLimited(
      await requestCover(server, key, parent),
      new RegExp(`at most ${ATTEMPTS} per`),
    );

    // Other keys are not.
    const other = await server.createKey(100);
    const theirs = await importRecord(server, other);
    assertEnvelope(await requestCover(server, other, theirs), 200);
  });
});
