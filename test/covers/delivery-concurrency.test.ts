import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import {
  startReceiver,
  type CallbackReceiver,
} from '../support/callback-receiver.js';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';

let server: TestSleeve;
let good: CallbackReceiver;
let hung: http.Server;
let hungUrl = '';
const held: http.ServerResponse[] = [];

before(async () => {
  // Long enough that no hung attempt can end during the test.
  server = await startSleeve({ SLEEVE_CALLBACK_TIMEOUT_MS: '120000' });
  good = await startReceiver();
  hung = http.createServer((_req, res) => held.push(res));
  await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
  hungUrl = `http://127.0.0.1:${(hung.address() as AddressInfo).port}/never`;
});

after(async () => {
  hung.closeAllConnections();
  hung.close();
  await good.close();
  await server.close();
});

async function coverFor(title: string, callBackUrl: string) {
  const music = await server.api('POST', '/api/v1/sleeve/music', { title });
  const cover = await server.api('POST', '/api/v1/suno/cover/generate', {
    taskId: music.body.data.taskId,
    callBackUrl,
  });
  assert.equal(cover.body.code, 200, cover.body.msg);
  return cover.body.data.taskId as string;
}

test('receivers that never answer do not hold up other callbacks', async () => {
  for (let i = 0; i < 12; i += 1) await coverFor(`Stuck ${i}`, hungUrl);
  while (held.length < 12) await new Promise((r) => setTimeout(r, 25));

  const taskId = await coverFor('Prompt', good.url);
  const [callback] = await good.waitFor(1);
  assert.equal(callback?.json.data.taskId, taskId);
  // Every stuck delivery is still waiting on its receiver.
  assert.equal(held.filter((res) => !res.writableEnded).length, 12);
});
