import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  parseCoverCallback,
  verifyCoverCallback,
  verifyKieSignature,
  verifyStandardSignature,
} from '../../src/client/index.js';
import {
  startReceiver,
  type CallbackReceiver,
} from '../support/callback-receiver.js';
import {
  startSleeve,
  WEBHOOK_KEY,
  type TestSleeve,
} from '../support/sleeve-server.js';
import { decodeImage } from '../support/tracks.js';
import { clientFor, readSharedAudio } from './helpers.js';

let server: TestSleeve;
let receiver: CallbackReceiver;

before(async () => {
  server = await startSleeve({ SLEEVE_WEBHOOK_KEY: WEBHOOK_KEY });
  receiver = await startReceiver();
});
after(async () => {
  await receiver.close();
  await server.close();
});

test('the SDK takes real audio to two decodable covers and a signed callback', async () => {
  const client = await clientFor(server);
  const audio = await readSharedAudio('nebula.ogg');
  const music = await client.createMusic({
    title: 'Nebula',
    artist: 'Max McCracken',
    tags: 'space ambient, synth pads, dreamy, atmospheric',
    audio,
    audioName: 'nebula.ogg',
  });

  const stored = await client.getMusic(music.taskId);
  assert.equal(stored?.hasAudio, true);
  assert.ok(stored?.features, 'the upload was measured');
  assert.ok(stored.features.bpm >= 60 && stored.features.bpm <= 200);

  const created = await client.createCover({
    taskId: music.taskId,
    callBackUrl: receiver.url,
  });
  assert.match(created.taskId, /^[0-9a-f]{32}$/);
  assert.notEqual(created.taskId, music.taskId);

  const seen: (number | null)[] = [];
  const done = await client.waitForCover(created.taskId, {
    pollIntervalMs: 100,
    timeoutMs: 60_000,
    onProgress: (details) => seen.push(details?.successFlag ?? null),
  });
  assert.equal(done.successFlag, 1);
  assert.equal(done.errorCode, 200);
  assert.equal(done.parentTaskId, music.taskId);
  assert.equal(done.response.images.length, 2);
  assert.equal(seen.at(-1), 1);

  for (const url of done.response.images) {
    const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
    const image = await decodeImage(bytes);
    assert.deepEqual([image.width, image.height], [512, 512]);
  }

  const [callback] = await receiver.waitFor(1);
  assert.ok(callback);
  const parsed = parseCoverCallback(callback.body);
  assert.deepEqual(parsed, {
    ok: true,
    taskId: created.taskId,
    images: done.response.images,
  });
});

test('signatures on callbacks the server really sent verify, and fail when tampered', async () => {
  const [callback] = await receiver.waitFor(1);
  assert.ok(callback);
  const { headers, body } = callback;
  const key = WEBHOOK_KEY;
  const taskId = parseCoverCallback(body).taskId;

  assert.equal(await verifyStandardSignature(headers, body, { key }), true);
  assert.equal(await verifyKieSignature(headers, taskId, { key }), true);
  assert.equal(await verifyCoverCallback(headers, body, { key }), true);
  assert.equal(
    await verifyCoverCallback(headers, body, { key, scheme: 'kie' }),
    true,
  );

  const tampered = body.replace(taskId, taskId.replace(/.$/, 'x'));
  assert.equal(
    await verifyStandardSignature(headers, tampered, { key }),
    false,
  );
  assert.equal(await verifyKieSignature(headers, 'other', { key }), false);
  assert.equal(
    await verifyStandardSignature(headers, body, { key: `${key}-wrong` }),
    false,
  );

  const later = Number(headers['webhook-timestamp']) + 301;
  assert.equal(
    await verifyStandardSignature(headers, body, { key, nowSec: later }),
    false,
    'a callback older than the tolerance is refused',
  );
  assert.equal(
    await verifyStandardSignature(headers, body, {
      key,
      nowSec: later,
      toleranceSec: 600,
    }),
    true,
  );
});
