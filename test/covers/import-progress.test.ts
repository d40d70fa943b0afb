import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';
import { readSharedRecord } from '../support/tracks.js';

let server: TestSleeve;
before(async () => {
  server = await startSleeve();
});
after(() => server.close());

interface SavedRecord {
  data: {
    taskId: string;
    status: string;
    response: { sunoData: { duration: number | null }[] };
  };
}

test('a record imported unfinished can be imported again once finished', async () => {
  const unfinished = readSharedRecord('still-generating.json') as SavedRecord;
  const taskId = unfinished.data.taskId;
  assert.equal(
    (await server.api('POST', '/api/v1/sleeve/music/import', unfinished)).body
      .code,
    200,
  );
  const refused = await server.api('POST', '/api/v1/suno/cover/generate', {
    taskId,
  });
  assert.equal(refused.body.code, 422);

  const finished = structuredClone(unfinished);
  finished.data.status = 'SUCCESS';
  for (const track of finished.data.response.sunoData) track.duration = 61.5;
  const again = await server.api(
    'POST',
    '/api/v1/sleeve/music/import',
    finished,
  );
  assert.deepEqual(again.body, { code: 200, msg: 'success', data: { taskId } });

  const record = await server.api(
    'GET',
    `/api/v1/generate/record-info?taskId=${taskId}`,
  );
  assert.equal(record.body.data.status, 'SUCCESS');
  assert.equal(record.body.data.response.sunoData[0].duration, 61.5);
  const cover = await server.api('POST', '/api/v1/suno/cover/generate', {
    taskId,
  });
  assert.equal(cover.body.code, 200, cover.body.msg);
});

test('a finished record is never changed by a later import', async () => {
  const saved = readSharedRecord('success-two-tracks.json') as SavedRecord;
  const taskId = saved.data.taskId;
  await server.api('POST', '/api/v1/sleeve/music/import', saved);
  const before = await server.api(
    'GET',
    `/api/v1/generate/record-info?taskId=${taskId}`,
  );

  const regressed = structuredClone(saved);
  regressed.data.status = 'PENDING';
  await server.api('POST', '/api/v1/sleeve/music/import', regressed);
  const after = await server.api(
    'GET',
    `/api/v1/generate/record-info?taskId=${taskId}`,
  );
  assert.deepEqual(after.body, before.body);
});
