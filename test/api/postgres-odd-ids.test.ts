import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createTestSchema,
  TEST_DATABASE_URL,
  type TestSchema,
} from '../conformance/support/services.js';
import { successRecord } from '../support/api-helpers.js';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';

/**
 * Ids and text that no record can hold, on PostgreSQL, which refuses a
 * NUL in text outright (SQLite stores it): each is answered as the
 * contract answers an unknown id or a bad field, never code 500.
 */

let server: TestSleeve;
let records: TestSchema;
let jobs: TestSchema;

before(async () => {
  records = await createTestSchema('odd_ids');
  jobs = await createTestSchema('odd_ids_jobs');
  server = await startSleeve({
    SLEEVE_DATABASE_URL: TEST_DATABASE_URL,
    SLEEVE_DATABASE_SCHEMA: records.name,
    SLEEVE_QUEUE_SCHEMA: jobs.name,
  });
});
after(async () => {
  await server?.close();
  await records?.drop();
  await jobs?.drop();
});

const get = (route: string) => server.api('GET', route);

describe('on PostgreSQL, ids no record can have', () => {
  test('are unknown to every lookup: data null, not code 500', async () => {
    for (const id of ['a%00b', '%00', 'a%20b', 'caf%C3%A9']) {
      for (const route of [
        `/api/v1/suno/cover/record-info?taskId=${id}`,
        `/api/v1/generate/record-info?taskId=${id}`,
        `/api/v1/sleeve/music/${id}`,
      ]) {
        const answer = await get(route);
        assert.equal(
          answer.status,
          200,
          `${route}: ${JSON.stringify(answer.body)}`,
        );
        assert.equal(
          answer.body.code,
          200,
          `${route}: ${JSON.stringify(answer.body)}`,
        );
        assert.equal(answer.body.data, null, route);
      }
      const image = await get(`/api/v1/sleeve/covers/${id}/images/0`);
      assert.equal(image.status, 404, JSON.stringify(image.body));
    }
  });

  test('as a parent music task are a record that does not exist (422)', async () => {
    const answer = await server.api('POST', '/api/v1/suno/cover/generate', {
      taskId: 'x\u0000y',
    });
    assert.equal(answer.body.code, 422, JSON.stringify(answer.body));
    assert.match(answer.body.msg, /does not exist/);
  });

  test('text with a NUL in it is refused by name (422)', async () => {
    const music = await server.api('POST', '/api/v1/sleeve/music', {
      title: 'nul\u0000inside',
    });
    assert.equal(music.body.code, 422, JSON.stringify(music.body));
    assert.match(music.body.msg, /^title contains a NUL character/);

    const record = successRecord() as { data: Record<string, unknown> };
    record.data['param'] = '{"title":"x\u0000"}';
    const imported = await server.api(
      'POST',
      '/api/v1/sleeve/music/import',
      record,
    );
    assert.equal(imported.body.code, 422, JSON.stringify(imported.body));
    assert.match(imported.body.msg, /data\.param contains a NUL/);
  });
});
