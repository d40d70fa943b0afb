import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  CoverCallbackError,
  parseCoverCallback,
  verifyCoverCallback,
  verifyKieSignature,
  verifyStandardSignature,
  WebhookKeyError,
} from '../../src/client/index.js';
import {
  startReceiver,
  type CallbackReceiver,
} from '../support/callback-receiver.js';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';
import { clientFor, createPlainMusic } from './helpers.js';

// A Standard Webhooks style key: base64 after the prefix.
const WHSEC_KEY = `whsec_${Buffer.from('sleeve-test-secret-32-bytes!!!!!').toString('base64')}`;

let server: TestSleeve;
let receiver: CallbackReceiver;

before(async () => {
  server = await startSleeve({ SLEEVE_WEBHOOK_KEY: WHSEC_KEY });
  receiver = await startReceiver();
});
after(async () => {
  await receiver?.close();
  await server?.close();
});

async function receivedCallback() {
  const client = await clientFor(server);
  const musicId = await createPlainMusic(client, 'Highway Ghosts');
  await client.createCover({ taskId: musicId, callBackUrl: receiver.url });
  const [callback] = await receiver.waitFor(1, 60_000);
  assert.ok(callback);
  return callback;
}

test('a whsec_ key verifies both signatures the server sent', async () => {
  const { headers, body } = await receivedCallback();
  const key = WHSEC_KEY;
  const { taskId } = parseCoverCallback(body);
  assert.equal(await verifyStandardSignature(headers, body, { key }), true);
  assert.equal(await verifyKieSignature(headers, taskId, { key }), true);

  const webHeaders = new Headers(
    Object.entries(headers).map(([k, v]) => [k, String(v)]),
  );
  assert.equal(await verifyCoverCallback(webHeaders, body, { key }), true);
});

test('a rotated key is accepted among several signatures', async () => {
  const { headers, body } = await receivedCallback();
  const rotated = {
    ...headers,
    'webhook-signature': `v1,AAAA ${String(headers['webhook-signature'])}`,
  };
  assert.equal(
    await verifyStandardSignature(rotated, body, { key: WHSEC_KEY }),
    true,
  );
  const onlyOld = { ...headers, 'webhook-signature': 'v1,AAAA' };
  assert.equal(
    await verifyStandardSignature(onlyOld, body, { key: WHSEC_KEY }),
    false,
  );
});

test('missing or malformed headers never verify', async () => {
  const { headers, body } = await receivedCallback();
  const key = WHSEC_KEY;
  const without = (name: string) =>
    Object.fromEntries(Object.entries(headers).filter(([k]) => k !== name));
  assert.equal(
    await verifyStandardSignature(without('webhook-id'), body, { key }),
    false,
  );
  assert.equal(
    await verifyStandardSignature(without('webhook-timestamp'), body, { key }),
    false,
  );
  const padded = {
    ...headers,
    'webhook-timestamp': ` ${headers['webhook-timestamp']}`,
  };
  assert.equal(await verifyStandardSignature(padded, body, { key }), false);
  // The default scheme needs the body signature; the kie one alone fails.
  assert.equal(
    await verifyCoverCallback(without('webhook-signature'), body, { key }),
    false,
  );
  assert.equal(
    await verifyCoverCallback(headers, 'not json', { key, scheme: 'kie' }),
    false,
  );
});

test('a whsec_ key that is not base64 is refused clearly', async () => {
  // Without signature headers there is nothing to check the key against.
  assert.equal(
    await verifyStandardSignature({}, '', { key: 'whsec_***' }),
    false,
  );
  const headers = {
    'webhook-id': 'msg_x',
    'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
    'webhook-signature': 'v1,AAAA',
  };
  await assert.rejects(
    verifyStandardSignature(headers, '{}', { key: 'whsec_***' }),
    WebhookKeyError,
  );
});

test('parseCoverCallback reads success and failure bodies', () => {
  const taskId = 'e'.repeat(32);
  assert.deepEqual(
    parseCoverCallback({
      code: 200,
      msg: 'success',
      data: {
        taskId,
        images: ['https://x.example/a.png', 'https://x.example/b.png'],
      },
    }),
    {
      ok: true,
      taskId,
      images: ['https://x.example/a.png', 'https://x.example/b.png'],
    },
  );
  assert.deepEqual(
    parseCoverCallback(
      JSON.stringify({
        code: 501,
        msg: 'Cover image generation failed; try again.',
        data: { taskId, images: null },
      }),
    ),
    {
      ok: false,
      taskId,
      code: 501,
      reason: 'Cover image generation failed; try again.',
    },
  );
});

test('parseCoverCallback rejects malformed bodies, saying what is wrong', () => {
  const cases: [unknown, RegExp][] = [
    ['{not json', /not valid JSON/],
    [[], /body must be a JSON object/],
    [{ code: '200', msg: 'success', data: {} }, /code must be an integer/],
    [{ code: 200, data: {} }, /msg must be a string/],
    [{ code: 200, msg: 'success', data: null }, /data must be a JSON object/],
    [{ code: 200, msg: 'success', data: { images: [] } }, /data.taskId/],
    [
      { code: 200, msg: 'success', data: { taskId: 'a', images: [] } },
      /non-empty array/,
    ],
    [
      { code: 200, msg: 'success', data: { taskId: 'a', images: ['ftp://x'] } },
      /http\(s\) URLs/,
    ],
  ];
  for (const [body, message] of cases) {
    assert.throws(
      () => parseCoverCallback(body),
      (error) =>
        error instanceof CoverCallbackError && message.test(error.message),
      JSON.stringify(body),
    );
  }
});
