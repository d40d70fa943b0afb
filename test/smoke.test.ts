import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  startReceiver,
  type CallbackReceiver,
} from './support/callback-receiver.js';
import { startSleeve, type TestSleeve } from './support/sleeve-server.js';
import { decodeImage, readSharedRecord } from './support/tracks.js';

let server: TestSleeve;
let receiver: CallbackReceiver;

before(async () => {
  server = await startSleeve();
  receiver = await startReceiver();
});
after(async () => {
  await receiver.close();
  await server.close();
});

test('an imported record gets two decodable covers and a callback', async () => {
  const record = readSharedRecord('success-two-tracks.json');
  const imported = await server.api(
    'POST',
    '/api/v1/sleeve/music/import',
    record,
  );
  assert.equal(imported.body.code, 200);

  const created = await server.api('POST', '/api/v1/suno/cover/generate', {
    taskId: imported.body.data.taskId,
    callBackUrl: receiver.url,
  });
  assert.equal(created.body.code, 200);
  const [callback] = await receiver.waitFor(1);
  assert.equal(callback?.json.code, 200);
  assert.equal(callback?.json.data.taskId, created.body.data.taskId);

  const images: string[] = callback?.json.data.images;
  assert.equal(images.length, 2);
  const decoded = await Promise.all(
    images.map(async (url) =>
      decodeImage(Buffer.from(await (await fetch(url)).arrayBuffer())),
    ),
  );
  for (const image of decoded)
    assert.deepEqual([image.width, image.height], [512, 512]);
});
