import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  closeAll,
  coverInfo,
  createTrack,
  download,
  requestCover,
  sharedAudio,
} from '../support/api-helpers.js';
import {
  startReceiver,
  type CallbackReceiver,
  type ReceivedCallback,
} from '../support/callback-receiver.js';
import {
  eventually,
  request,
  startSleeve,
  WEBHOOK_KEY,
  type TestSleeve,
} from '../support/sleeve-server.js';
import {
  decodeImage,
  loadSharedTracks,
  meanPixelDifference,
  type SharedTrack,
} from '../support/tracks.js';
import {
  assertCoverInfo,
  assertEnvelope,
  assertSignedCallback,
  assertSuccessCallback,
  assertTaskId,
  kieSignature,
} from './contract-checks.js';

/**
 * The whole flow on shared tracks: three with real audio in three formats
 * (uploaded as multipart), three metadata-only in other scripts (JSON).
 */
const CHOSEN = [
  'Nebula',
  'Jungle',
  'Media Threat',
  'ネオンの雨',
  'قمر الصحراء',
  'Untitled 7',
];

interface Flow {
  track: SharedTrack;
  musicTaskId: string;
  coverTaskId: string;
  callback?: ReceivedCallback;
  /** record-info as read from inside the receiver's callback handler. */
  infoInsideCallback?: Record<string, any>;
}

let server: TestSleeve;
let receiver: CallbackReceiver;
let key: string;
const flows: Flow[] = [];

before(async () => {
  receiver = await startReceiver();
  server = await startSleeve({
    SLEEVE_WEBHOOK_KEY: WEBHOOK_KEY,
    SLEEVE_RATE_POLL: '1000/1s',
  });
  key = await server.createKey(100);
  const byTitle = new Map(loadSharedTracks().map((t) => [t.title, t]));

  receiver.onCallback(async (callback) => {
    const flow = flows.find((f) => f.coverTaskId === callback.json.data.taskId);
    if (!flow) return;
    flow.callback ??= callback;
    const answer = await coverInfo(server, key, flow.coverTaskId);
    flow.infoInsideCallback = answer.body.data;
  });

  for (const title of CHOSEN) {
    const track = byTitle.get(title);
    assert.ok(track, `shared track ${title}`);
    const musicTaskId = await createTrack(server, key, track);
    const created = await requestCover(server, key, musicTaskId, receiver.url);
    assertEnvelope(created, 200);
    flows.push({ track, musicTaskId, coverTaskId: created.body.data.taskId });
  }
  // The receiver counts a callback before its handler has run.
  await eventually(
    async () => flows.every((f) => f.infoInsideCallback !== undefined),
    120_000,
  );
});

after(() => closeAll(receiver, server));

test('each cover task id is 32 lowercase hex and differs from its music task id', () => {
  for (const flow of flows) {
    assertTaskId(flow.musicTaskId);
    assertTaskId(flow.coverTaskId);
    assert.notEqual(flow.coverTaskId, flow.musicTaskId);
  }
  assert.equal(new Set(flows.map((f) => f.coverTaskId)).size, flows.length);
});

test('every task gets one callback in the contract shape, posted to its URL', () => {
  for (const flow of flows) {
    const mine = receiver.received.filter(
      (c) => c.json?.data?.taskId === flow.coverTaskId,
    );
    assert.equal(mine.length, 1, flow.track.title);
    assert.equal(mine[0]?.path, '/callback');
    assertSuccessCallback(mine[0]!, flow.coverTaskId);
  }
});

test('both callback signatures verify with the webhook key', () => {
  for (const flow of flows) {
    assert.ok(flow.callback);
    assertSignedCallback(flow.callback, WEBHOOK_KEY);
  }
});

test('a signature made with another key does not match', () => {
  const flow = flows[0];
  assert.ok(flow?.callback);
  assert.throws(() =>
    assertSignedCallback(flow.callback!, `${WEBHOOK_KEY}-other`),
  );
});

test('record-info read inside the callback handler is already final', () => {
  for (const flow of flows) {
    const info = flow.infoInsideCallback;
    assert.ok(info, `record-info was read for ${flow.track.title}`);
    assertCoverInfo(info, 'success', {
      taskId: flow.coverTaskId,
      parentTaskId: flow.musicTaskId,
      callbackUrl: receiver.url,
    });
    assert.deepEqual(info['response'].images, flow.callback?.json.data.images);
  }
});

test('both images download without a key as PNGs at the configured size, and differ', async () => {
  for (const flow of flows) {
    const urls: string[] = flow.callback?.json.data.images;
    const files = await Promise.all(urls.map((url) => download(url)));
    const decoded = [];
    for (const file of files) {
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'image/png');
      assert.deepEqual(
        [...file.bytes.subarray(0, 8)],
        [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      );
      const image = await decodeImage(file.bytes);
      assert.deepEqual([image.width, image.height], [512, 512]);
      decoded.push(image);
    }
    const [first, second] = decoded;
    assert.ok(first && second);
    const difference = meanPixelDifference(first, second);
    assert.ok(
      difference > 20,
      `${flow.track.title}: the two styles differ (mean ${difference})`,
    );
  }
});

const TRACK_KEYS = [
  'audioUrl',
  'createTime',
  'duration',
  'id',
  'imageUrl',
  'modelName',
  'prompt',
  'streamAudioUrl',
  'tags',
  'title',
];

test("music record-info answers the providers' shape for created records", async () => {
  for (const flow of flows) {
    const answer = await request(
      server.url,
      'GET',
      `/api/v1/generate/record-info?taskId=${flow.musicTaskId}`,
      undefined,
      key,
    );
    assertEnvelope(answer, 200);
    const data = answer.body.data;
    assert.equal(data.taskId, flow.musicTaskId);
    assert.equal(data.parentMusicId, '');
    assert.equal(typeof data.param, 'string');
    assert.equal(typeof JSON.parse(data.param), 'object');
    assert.equal(data.status, 'SUCCESS');
    assert.equal(data.type, 'GENERATE');
    assert.equal(data.operationType, 'generate');
    assert.equal(data.errorCode, null);
    assert.equal(data.errorMessage, null);
    assert.equal(data.response.taskId, flow.musicTaskId);

    const [track, ...others] = data.response.sunoData;
    assert.equal(others.length, 0);
    assert.deepEqual(Object.keys(track).sort(), TRACK_KEYS);
    assert.match(track.id, /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/);
    assert.equal(track.title, flow.track.title);
    assert.equal(track.tags, flow.track.tags);
    assert.equal(track.prompt, flow.track.prompt);
    assert.match(track.createTime, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    if (flow.track.audio) {
      assert.equal(typeof track.duration, 'number');
      assert.ok(track.duration > 1);
    } else {
      assert.equal(track.duration, null);
      assert.equal(track.audioUrl, '');
    }
  }
});

test('the audioUrl of an uploaded track is served by Sleeve with the same bytes', async () => {
  for (const flow of flows.filter((f) => f.track.audio)) {
    const answer = await request(
      server.url,
      'GET',
      `/api/v1/generate/record-info?taskId=${flow.musicTaskId}`,
      undefined,
      key,
    );
    const track = answer.body.data.response.sunoData[0];
    assert.ok(track.audioUrl.startsWith(`${server.url}/`), track.audioUrl);
    assert.equal(track.streamAudioUrl, track.audioUrl);
    const file = await download(track.audioUrl);
    assert.equal(file.status, 200);
    assert.match(String(file.headers.get('content-type')), /^audio\//);
    assert.ok(file.bytes.equals(sharedAudio(flow.track)), flow.track.title);
  }
});

test('with a whsec_ key the Standard Webhooks signature uses its decoded secret', async () => {
  const secret = Buffer.from('a standard webhooks secret!!').toString('base64');
  const webhookKey = `whsec_${secret}`;
  const own = await startReceiver();
  const signed = await startSleeve({ SLEEVE_WEBHOOK_KEY: webhookKey });
  try {
    const music = await createTrack(signed, signed.adminKey, {
      title: 'Signed',
      artist: '',
      tags: 'test',
      prompt: '',
      instrumental: true,
      audio: null,
    });
    await requestCover(signed, signed.adminKey, music, own.url);
    const [callback] = await own.waitFor(1);
    assert.ok(callback);
    const headers = callback.headers;
    const id = String(headers['webhook-id']);
    const timestamp = String(headers['webhook-timestamp']);
    const expected = createHmac('sha256', Buffer.from(secret, 'base64'))
      .update(`${id}.${timestamp}.${callback.body}`)
      .digest('base64');
    assert.equal(headers['webhook-signature'], `v1,${expected}`);
    // The kie signature keeps using the key as configured, whole.
    assert.equal(
      headers['x-webhook-signature'],
      kieSignature(callback.json.data.taskId, timestamp, webhookKey),
    );
  } finally {
    await closeAll(own, signed);
  }
});
