import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  eventually,
  startSleeve,
  type TestSleeve,
} from '../support/sleeve-server.js';

let now = Date.UTC(2026, 0, 1);
const clock = { now: () => now };
let server: TestSleeve;

before(async () => {
  // The tests poll record-info as fast as they can; the default of three
  // polls a second would answer some of them 429 with data null.
  server = await startSleeve(
    { SLEEVE_RETENTION_DAYS: '1', SLEEVE_RATE_POLL: '1000/1s' },
    { clock },
  );
});
after(() => server.close());

async function newMusic(title: string): Promise<string> {
  const music = await server.api('POST', '/api/v1/sleeve/music', {
    title,
    tags: 'synthwave',
  });
  return music.body.data.taskId;
}

async function finished(coverTaskId: string) {
  return eventually(async () => {
    const info = await server.api(
      'GET',
      `/api/v1/suno/cover/record-info?taskId=${coverTaskId}`,
    );
    return info.body.data?.successFlag === 1 ? info.body.data : undefined;
  });
}

test('each variation of a music task is its own cover; a repeat is a duplicate', async () => {
  const taskId = await newMusic('Static Line');
  const first = await server.api('POST', '/api/v1/suno/cover/generate', {
    taskId,
  });
  const other = await server.api('POST', '/api/v1/suno/cover/generate', {
    taskId,
    variation: 1,
  });
  assert.equal(other.body.code, 200);
  assert.notEqual(other.body.data.taskId, first.body.data.taskId);

  const again = await server.api('POST', '/api/v1/suno/cover/generate', {
    taskId,
    variation: 1,
  });
  assert.equal(again.body.code, 400);
  assert.equal(again.body.data.taskId, other.body.data.taskId);

  const [a, b] = await Promise.all([
    finished(first.body.data.taskId),
    finished(other.body.data.taskId),
  ]);
  assert.notDeepEqual(a.response.images, b.response.images);
});

test('a cover past its retention can be made again; the old task still reads the same', async () => {
  const taskId = await newMusic('Harbour Lights');
  const first = await server.api('POST', '/api/v1/suno/cover/generate', {
    taskId,
  });
  const old = await finished(first.body.data.taskId);
  const early = await server.api('POST', '/api/v1/suno/cover/generate', {
    taskId,
  });
  assert.equal(early.body.code, 400, 'still live: a duplicate');

  now += 2 * 24 * 3600 * 1000;
  const gone = await fetch(old.response.images[0]);
  assert.equal(gone.status, 410);
  const remade = await server.api('POST', '/api/v1/suno/cover/generate', {
    taskId,
  });
  assert.equal(remade.body.code, 200, remade.body.msg);
  assert.notEqual(remade.body.data.taskId, first.body.data.taskId);

  const fresh = await finished(remade.body.data.taskId);
  assert.equal((await fetch(fresh.response.images[0])).status, 200);
  const oldAgain = await server.api(
    'GET',
    `/api/v1/suno/cover/record-info?taskId=${first.body.data.taskId}`,
  );
  assert.equal(oldAgain.body.code, 200, oldAgain.body.msg);
  assert.deepEqual(oldAgain.body.data, old);
});
