import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import {
  closeAll,
  coverInfo,
  importRecord,
  postMusicForm,
  requestCover,
  waitForCover,
} from '../support/api-helpers.js';
import {
  eventually,
  startSleeve,
  type TestSleeve,
} from '../support/sleeve-server.js';
import { SHARED_TRACKS } from '../support/tracks.js';
import { assertEnvelope, JSON_TYPE } from './contract-checks.js';

/**
 * Bad input on every endpoint: each answer is an envelope with a 4xx code
 * (never 500, never a hang), and after each test the server still answers
 * and what it stored before reads the same.
 */

const MAX_BODY_KB = 16;
const MAX_AUDIO_MB = 1;

let server: TestSleeve;
let reference: { music: string; cover: string; snapshot: string };

before(async () => {
  server = await startSleeve({
    SLEEVE_RATE_POLL: '1000/1s',
    SLEEVE_RATE_GENERATE: '1000/1s',
    SLEEVE_MAX_BODY_KB: String(MAX_BODY_KB),
    SLEEVE_MAX_AUDIO_MB: String(MAX_AUDIO_MB),
  });
  const music = await importRecord(server, server.adminKey);
  const cover = (await requestCover(server, server.adminKey, music)).body.data
    .taskId as string;
  await waitForCover(server, server.adminKey, cover);
  reference = { music, cover, snapshot: await snapshot(music, cover) };
});

after(() => closeAll(server));

afterEach(async () => {
  const health = await send('GET', '/healthz');
  assert.equal(health.status, 200);
  assert.equal(health.json?.data?.ok, true);
  const now = await snapshot(reference.music, reference.cover);
  assert.equal(now, reference.snapshot, 'earlier data reads the same');
});

async function snapshot(music: string, cover: string): Promise<string> {
  const record = await send(
    'GET',
    `/api/v1/generate/record-info?taskId=${music}`,
  );
  const info = await coverInfo(server, server.adminKey, cover);
  return JSON.stringify([record.json, info.body]);
}

interface Sent {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

interface SendOptions {
  body?: string | Buffer | FormData;
  contentType?: string | null;
  key?: string | null;
  headers?: Record<string, string>;
}

/** One request with full control of body and headers, and a deadline. */
async function send(
  method: string,
  route: string,
  options: SendOptions = {},
): Promise<Sent> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? server.adminKey : options.key;
  if (key !== null) headers['authorization'] = `Bearer ${key}`;
  if (options.contentType) headers['content-type'] = options.contentType;
  const response = await fetch(server.url + route, {
    method,
    headers,
    body: options.body ?? null,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

const sendJson = (route: string, body: unknown, key?: string | null) =>
  send('POST', route, {
    body: JSON.stringify(body),
    contentType: 'application/json',
    key,
  });

/** An envelope with this code (never 500), whatever the HTTP status. */
function assertAnswer(answer: Sent, code: number, field?: RegExp): void {
  assert.notEqual(answer.status, 500, answer.text);
  assert.equal(answer.headers.get('content-type'), JSON_TYPE, answer.text);
  assert.deepEqual(Object.keys(answer.json ?? {}).sort(), [
    'code',
    'data',
    'msg',
  ]);
  assert.equal(answer.json.code, code, answer.text);
  if (field) assert.match(answer.json.msg, field);
}

const JSON_ENDPOINTS = [
  '/api/v1/suno/cover/generate',
  '/api/v1/sleeve/music/import',
  '/api/v1/sleeve/music',
  '/api/v1/sleeve/admin/keys',
  '/api/v1/sleeve/admin/maintenance',
];

describe('malformed and empty bodies', () => {
  test('a body that is not valid JSON is code 400 on every JSON endpoint', async () => {
    for (const route of JSON_ENDPOINTS) {
      for (const body of [
        '{bad',
        '{"taskId": "x",}',
        "{'a':1}",
        '[1,',
        '\u0000',
      ]) {
        const answer = await send('POST', route, {
          body,
          contentType: 'application/json',
        });
        assertAnswer(answer, 400, /JSON/);
        assert.equal(answer.status, 200, 'a business error rides on HTTP 200');
      }
    }
  });

  test('JSON nested deeper than any request is code 400, deep strings are fine', async () => {
    const deep = [
      '['.repeat(5_000) + ']'.repeat(5_000),
      '{"a":'.repeat(2_000) + '1' + '}'.repeat(2_000),
      `{"taskId": ${'['.repeat(65)}${']'.repeat(65)}}`,
    ];
    for (const route of JSON_ENDPOINTS) {
      for (const body of deep) {
        const answer = await send('POST', route, {
          body,
          contentType: 'application/json',
        });
        assertAnswer(answer, 400, /nests deeper than 64 levels/);
      }
    }
    // Brackets inside strings are text, not nesting.
    const text = await send('POST', '/api/v1/sleeve/music', {
      body: JSON.stringify({ title: '[{'.repeat(2_000) }),
      contentType: 'application/json',
    });
    assertAnswer(text, 422, /title/);
  });

  test('JSON sent as text/plain or with no type is read as JSON', async () => {
    const music = await importRecord(server, server.adminKey);
    const body = JSON.stringify({ taskId: music });
    const first = await send('POST', '/api/v1/suno/cover/generate', {
      body,
      contentType: 'text/plain;charset=UTF-8',
    });
    assertAnswer(first, 200);
    // The same JSON again, with no type at all: read, and a duplicate.
    const again = await send('POST', '/api/v1/suno/cover/generate', {
      body: Buffer.from(body),
      contentType: null,
    });
    assertAnswer(again, 400, /already exists/);
    assert.deepEqual(again.json.data, first.json.data);
    const bad = await send('POST', '/api/v1/suno/cover/generate', {
      body: '{bad',
      contentType: 'text/plain',
    });
    assertAnswer(bad, 400, /JSON/);
  });

  test('a JSON body that starts with a byte order mark is read', async () => {
    const answer = await send('POST', '/api/v1/sleeve/music', {
      body: `\ufeff${JSON.stringify({ title: 'Saved on Windows' })}`,
      contentType: 'application/json',
    });
    assertAnswer(answer, 200);
    assert.match(answer.json.data.taskId, /^[0-9a-f]{32}$/);
  });

  test('an empty JSON body is code 400; no body at all is a missing field', async () => {
    for (const route of JSON_ENDPOINTS) {
      const empty = await send('POST', route, {
        body: '',
        contentType: 'application/json',
      });
      assertAnswer(empty, 400, /JSON/);
      const none = await send('POST', route, { contentType: null });
      assert.ok([400, 422].includes(none.json?.code), none.text);
      assertAnswer(none, none.json.code);
    }
  });

  test('a body that is not an object is code 422 on every JSON endpoint', async () => {
    for (const route of JSON_ENDPOINTS) {
      for (const body of [
        '[]',
        '[{"taskId":"x"}]',
        '"text"',
        'null',
        '42',
        'true',
      ]) {
        const answer = await send('POST', route, {
          body,
          contentType: 'application/json',
        });
        assertAnswer(answer, 422);
      }
    }
  });
});

describe('wrong types and missing fields', () => {
  test('generate names the field of the wrong type', async () => {
    const cases: [unknown, RegExp][] = [
      [{ taskId: 123 }, /taskId/],
      [{ taskId: true }, /taskId/],
      [{ taskId: ['a'] }, /taskId/],
      [{ taskId: { id: 'a' } }, /taskId/],
      [{ taskId: reference.music, callBackUrl: 5 }, /callBackUrl/],
      [
        { taskId: reference.music, callBackUrl: ['http://a.b/'] },
        /callBackUrl/,
      ],
      [{ taskId: reference.music, callBackUrl: {} }, /callBackUrl/],
    ];
    for (const [body, field] of cases) {
      assertAnswer(
        await sendJson('/api/v1/suno/cover/generate', body),
        422,
        field,
      );
    }
  });

  test('music creation names the field of the wrong type', async () => {
    const cases: [unknown, RegExp][] = [
      [{ title: [] }, /title/],
      [{ title: 7 }, /title/],
      [{ title: null, tags: 'x' }, /title/],
      [{ title: 'Fine', tags: 5 }, /tags/],
      [{ title: 'Fine', prompt: { verse: 1 } }, /prompt/],
      [{ title: 'Fine', artist: false }, /artist/],
    ];
    for (const [body, field] of cases) {
      assertAnswer(await sendJson('/api/v1/sleeve/music', body), 422, field);
    }
  });

  test('import names the field of the wrong type', async () => {
    const good = { taskId: 'a1b2', status: 'SUCCESS', response: null };
    const cases: [unknown, RegExp][] = [
      [{ data: { ...good, taskId: 5 } }, /taskId/],
      [{ data: { ...good, taskId: '../../etc' } }, /taskId/],
      [{ data: { ...good, status: 'DONE' } }, /status/],
      [{ data: { ...good, status: 1 } }, /status/],
      [{ data: { ...good, param: 5 } }, /param/],
      [{ data: { ...good, response: 'x' } }, /response/],
      [{ data: { ...good, response: { sunoData: {} } } }, /sunoData/],
      [{ data: { ...good, response: { sunoData: [5] } } }, /sunoData\[0\]/],
      [{ data: { ...good, response: { sunoData: [{ title: 9 }] } } }, /title/],
      [
        { data: { ...good, response: { sunoData: [{ duration: 'long' }] } } },
        /duration/,
      ],
      [{ data: { ...good, errorCode: 'E1' } }, /errorCode/],
      [{ code: 200, msg: 'success', data: null }, /data/],
    ];
    for (const [body, field] of cases) {
      assertAnswer(
        await sendJson('/api/v1/sleeve/music/import', body),
        422,
        field,
      );
    }
  });

  test('admin endpoints name the field of the wrong type', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['/api/v1/sleeve/admin/maintenance', { enabled: 'yes' }, /enabled/],
      ['/api/v1/sleeve/admin/maintenance', { enabled: 1 }, /enabled/],
      ['/api/v1/sleeve/admin/keys', { name: 5 }, /name/],
      ['/api/v1/sleeve/admin/keys', { name: 'ok', credits: '9' }, /credits/],
      ['/api/v1/sleeve/admin/keys', { name: 'ok', admin: 'no' }, /admin/],
    ];
    for (const [route, body, field] of cases) {
      assertAnswer(await sendJson(route, body), 422, field);
    }
  });

  test('missing required fields are code 422 naming them', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['/api/v1/suno/cover/generate', {}, /taskId/],
      [
        '/api/v1/suno/cover/generate',
        { callBackUrl: 'https://a.example/' },
        /taskId/,
      ],
      ['/api/v1/sleeve/music', {}, /title/],
      ['/api/v1/sleeve/music', { title: '   ' }, /title/],
      ['/api/v1/sleeve/music/import', {}, /taskId/],
      ['/api/v1/sleeve/music/import', { data: { taskId: 'abc' } }, /status/],
      ['/api/v1/sleeve/admin/maintenance', {}, /enabled/],
      ['/api/v1/sleeve/admin/keys', {}, /name/],
    ];
    for (const [route, body, field] of cases) {
      assertAnswer(await sendJson(route, body), 422, field);
    }
  });

  test('credit amounts an exact balance cannot hold are refused', async () => {
    const created = await server.sleeve.accounts.createKey({
      name: 'amounts',
      credits: 5,
    });
    const route = `/api/v1/sleeve/admin/keys/${created.key.id}/credits`;
    for (const amount of [1e308, -1e308, 1e300, 'ten']) {
      assertAnswer(await sendJson(route, { amount }), 422, /amount/);
    }
    for (const credits of [1e308, 1e20]) {
      assertAnswer(
        await sendJson('/api/v1/sleeve/admin/keys', { name: 'big', credits }),
        422,
        /credits/,
      );
    }
    const balance = await send('GET', '/api/v1/chat/credit', {
      key: created.secret,
    });
    assert.equal(balance.json.data, 5);
  });
});

describe('oversized bodies', () => {
  test('a JSON body over SLEEVE_MAX_BODY_KB is HTTP 413 on every JSON endpoint', async () => {
    const big = JSON.stringify({
      taskId: 'x',
      title: 'x',
      padding: 'p'.repeat(MAX_BODY_KB * 1024 + 10),
    });
    for (const route of JSON_ENDPOINTS) {
      const answer = await send('POST', route, {
        body: big,
        contentType: 'application/json',
      });
      assert.equal(answer.status, 413);
      assertAnswer(answer, 413, new RegExp(`${MAX_BODY_KB} KB`));
    }
  });

  test('a body just under the limit is read', async () => {
    const answer = await sendJson('/api/v1/suno/cover/generate', {
      taskId: reference.music,
      padding: 'p'.repeat(MAX_BODY_KB * 1024 - 200),
    });
    assertAnswer(answer, 400, /already exists/);
  });
});

const audioFile = (name: string) =>
  fs.readFileSync(path.join(SHARED_TRACKS, 'audio', name));

describe('audio uploads', () => {
  const fields = { title: 'Upload Test', tags: 'ambient' };

  test('audio over SLEEVE_MAX_AUDIO_MB is refused with the limit, and the next request works', async () => {
    const bytes = audioFile('orbital-elevator-full.mp3');
    assert.ok(bytes.length > MAX_AUDIO_MB * 1024 * 1024);
    const answer = await postMusicForm(server, server.adminKey, fields, {
      bytes,
      name: 'big.mp3',
    });
    assert.equal(answer.body.code, 413, JSON.stringify(answer.body));
    assert.match(answer.body.msg, new RegExp(`${MAX_AUDIO_MB} MB`));
    const next = await sendJson('/api/v1/sleeve/music', { title: 'Next' });
    assert.equal(next.json.code, 200);
  });

  test('bytes that are not audio are code 422 saying so', async () => {
    const notAudio = [
      Buffer.from('just some text, not a sound file at all\n'.repeat(50)),
      fs.readFileSync(path.join(SHARED_TRACKS, 'tracks.json')),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
      Buffer.alloc(0),
    ];
    for (const bytes of notAudio) {
      const answer = await postMusicForm(server, server.adminKey, fields, {
        bytes,
        name: 'song.mp3',
      });
      assertEnvelope(answer, 422);
      assert.match(answer.body.msg, /audio/);
    }
  });

  test('audio cut off before any sound is code 422 saying it could not be decoded', async () => {
    const cut = [
      audioFile('nebula.ogg').subarray(0, 3000),
      audioFile('jungle.wav').subarray(0, 44),
      audioFile('awakening.mp3').subarray(0, 10),
    ];
    for (const bytes of cut) {
      const answer = await postMusicForm(server, server.adminKey, fields, {
        bytes,
      });
      assertEnvelope(answer, 422);
      assert.match(answer.body.msg, /audio could not be decoded/);
    }
  });

  test('audio cut short mid-stream is kept with its real, shorter duration', async () => {
    const answer = await postMusicForm(server, server.adminKey, fields, {
      bytes: audioFile('awakening.mp3').subarray(0, 160_000),
    });
    assertEnvelope(answer, 200);
    const record = await send(
      'GET',
      `/api/v1/generate/record-info?taskId=${answer.body.data.taskId}`,
    );
    const duration = record.json.data.response.sunoData[0].duration;
    assert.ok(duration > 1 && duration < 30, `duration ${duration}`);
  });

  test('a file in a part not named "audio" is code 422, and the next request works', async () => {
    for (const part of ['file', 'audio_file', 'upload']) {
      const answer = await postMusicForm(server, server.adminKey, fields, {
        bytes: audioFile('nebula.ogg'),
        part,
      });
      assertEnvelope(answer, 422);
      assert.match(answer.body.msg, /"audio"/);
      for (let i = 0; i < 3; i += 1) {
        const next = await sendJson('/api/v1/sleeve/music', { title: 'Next' });
        assert.equal(next.json.code, 200);
      }
    }
  });

  test('two audio files are code 422, and the next request works', async () => {
    const form = new FormData();
    form.set('title', 'Two Files');
    form.append('audio', new Blob([audioFile('nebula.ogg')]), 'a.ogg');
    form.append('audio', new Blob([audioFile('nebula.ogg')]), 'b.ogg');
    const answer = await send('POST', '/api/v1/sleeve/music', { body: form });
    assertAnswer(answer, 422);
    for (let i = 0; i < 3; i += 1) {
      const next = await sendJson('/api/v1/sleeve/music', { title: 'Next' });
      assert.equal(next.json.code, 200);
    }
  });

  test('a multipart body cut off mid-upload is refused and the server goes on', async () => {
    const boundary = 'sleeveboundary';
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n` +
      `Cut\r\n--${boundary}\r\nContent-Disposition: form-data; name="audio"; ` +
      `filename="a.ogg"\r\nContent-Type: audio/ogg\r\n\r\n`;
    const answer = await send('POST', '/api/v1/sleeve/music', {
      body: Buffer.concat([
        Buffer.from(head),
        audioFile('nebula.ogg').subarray(0, 20_000),
      ]),
      contentType: `multipart/form-data; boundary=${boundary}`,
    });
    assertAnswer(answer, answer.json?.code);
    assert.ok(answer.json.code >= 400 && answer.json.code < 500, answer.text);
  });

  test('an upload whose connection drops mid-file leaves nothing staged', async () => {
    const boundary = 'sleevedrop';
    const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /api/v1/sleeve/music HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
        `Authorization: Bearer ${server.adminKey}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\n` +
        `Content-Length: 5000000\r\n\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="audio"; ` +
        `filename="a.wav"\r\n\r\n`,
    );
    socket.write(audioFile('jungle.wav').subarray(0, 300_000));
    // The server has begun writing the upload to disk when the client goes.
    await eventually(async () => (await staged()).length > 0 || undefined);
    socket.destroy();
    await eventually(async () => (await staged()).length === 0 || undefined);
  });

  test('no upload of this suite is left staged on disk', async () => {
    assert.deepEqual(await staged(), []);
  });
});

/** Uploads staged under the data directory while they arrive. */
async function staged(): Promise<string[]> {
  const dir = path.join(server.dataDir, 'incoming');
  return fs.promises.readdir(dir).catch(() => []);
}

describe('keys', () => {
  const AUTHED: [string, string, unknown?][] = [
    ['POST', '/api/v1/suno/cover/generate', { taskId: 'x' }],
    ['GET', '/api/v1/suno/cover/record-info?taskId=x'],
    ['POST', '/api/v1/sleeve/music/import', { data: {} }],
    ['POST', '/api/v1/sleeve/music', { title: 'x' }],
    ['GET', '/api/v1/sleeve/music'],
    ['GET', '/api/v1/generate/record-info?taskId=x'],
    ['GET', '/api/v1/chat/credit'],
    ['GET', '/api/v1/generate/credit'],
    ['GET', '/api/v1/sleeve/admin/keys'],
  ];

  const withAuthorization = (
    method: string,
    route: string,
    body: unknown,
    authorization: string | null,
  ) =>
    send(method, route, {
      key: null,
      ...(authorization === null ? {} : { headers: { authorization } }),
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), contentType: 'application/json' }),
    });

  test('a missing, malformed or unknown key is code 401 on every endpoint', async () => {
    const bad = [
      null,
      '',
      'Bearer',
      'Bearer ',
      `Basic ${Buffer.from('user:pass').toString('base64')}`,
      'Bearer not-a-real-key',
      `Bearer ${server.adminKey}x`,
      `Bearer ${server.adminKey} extra`,
      `Token ${server.adminKey}`,
    ];
    for (const [method, route, body] of AUTHED) {
      for (const authorization of bad) {
        const answer = await withAuthorization(
          method,
          route,
          body,
          authorization,
        );
        assertAnswer(answer, 401);
        assert.equal(answer.status, 200);
        assert.doesNotMatch(answer.json.msg, /test-admin-key/);
      }
    }
  });

  test('a multipart upload with a bad key is code 401 and stores nothing', async () => {
    const answer = await postMusicForm(
      server,
      'not-a-key',
      { title: 'x' },
      {
        bytes: audioFile('nebula.ogg'),
      },
    );
    assertEnvelope(answer, 401);
  });

  test('a revoked key is code 401 at once', async () => {
    const created = await server.sleeve.accounts.createKey({
      name: 'soon revoked',
      credits: 5,
    });
    const before = await send('GET', '/api/v1/chat/credit', {
      key: created.secret,
    });
    assert.equal(before.json.code, 200);
    const revoked = await send(
      'POST',
      `/api/v1/sleeve/admin/keys/${created.key.id}/revoke`,
    );
    assert.equal(revoked.json.code, 200);
    for (const [method, route, body] of AUTHED) {
      const answer = await withAuthorization(
        method,
        route,
        body,
        `Bearer ${created.secret}`,
      );
      assertAnswer(answer, 401, /revoked/);
    }
  });

  test('a key that is not an admin is code 401 on every admin endpoint', async () => {
    const user = await server.createKey(5);
    const target = await server.sleeve.accounts.createKey({
      name: 'target',
      credits: 5,
    });
    const admin: [string, string, unknown?][] = [
      ['GET', '/api/v1/sleeve/admin/keys'],
      ['POST', '/api/v1/sleeve/admin/keys', { name: 'mine', admin: true }],
      ['POST', `/api/v1/sleeve/admin/keys/${target.key.id}/revoke`],
      [
        'POST',
        `/api/v1/sleeve/admin/keys/${target.key.id}/credits`,
        { amount: 1e6 },
      ],
      ['GET', '/api/v1/sleeve/admin/maintenance'],
      ['POST', '/api/v1/sleeve/admin/maintenance', { enabled: true }],
    ];
    for (const [method, route, body] of admin) {
      const answer = await withAuthorization(
        method,
        route,
        body,
        `Bearer ${user}`,
      );
      assertAnswer(answer, 401, /admin/);
    }
    const still = await send('GET', '/api/v1/chat/credit', {
      key: target.secret,
    });
    assert.equal(still.json.data, 5, 'nothing was done');
  });
});

describe('unknown endpoints and odd URLs', () => {
  test('an unknown endpoint is a 404 envelope, whatever the method', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/v1/suno/cover'],
      ['GET', '/api/v1/suno/cover/generate'],
      ['DELETE', '/api/v1/suno/cover/record-info?taskId=x'],
      ['POST', '/api/v1/suno/cover/generate/extra'],
      ['PUT', '/api/v1/sleeve/music'],
      ['GET', '/media/images/../../sleeve.db'],
      ['GET', '/media/images/notanimage.png'],
      ['GET', '/media/audio/%2e%2e%2fsleeve.db'],
    ];
    for (const [method, route] of routes) {
      const answer = await send(method, route);
      assertAnswer(answer, 404);
      assert.doesNotMatch(answer.text, /sleeve\.db"?\s*:|SQLite/);
    }
  });

  test('an unknown endpoint does not echo its path, which may hold a secret', async () => {
    const answer = await send('GET', '/api/v1/sk-live-SECRET/token');
    assertAnswer(answer, 404);
    assert.equal(answer.status, 404);
    assert.doesNotMatch(answer.text, /SECRET/);
    assert.match(answer.json.msg, /No endpoint answers GET/);
  });

  test('a query whose percent-encoding does not decode is HTTP 400', async () => {
    for (const query of ['?taskId=%ZZ', '?taskId=%', '?taskId=%E0%A4%A']) {
      const answer = await send(
        'GET',
        `/api/v1/suno/cover/record-info${query}`,
      );
      assertAnswer(answer, 400, /percent-encoding/);
      assert.equal(answer.status, 400, query);
    }
    const plain = await send(
      'GET',
      `/api/v1/suno/cover/record-info?taskId=${reference.cover}&x=%F0%9F%A5%9E`,
    );
    assertAnswer(plain, 200);
    assert.equal(plain.json.data.taskId, reference.cover);
  });

  test('a path id longer than any id is HTTP 404', async () => {
    const long = await send('GET', `/api/v1/sleeve/music/${'a'.repeat(65)}`);
    assertAnswer(long, 404, /too long/);
    assert.equal(long.status, 404);
    const longest = await send('GET', `/api/v1/sleeve/music/${'a'.repeat(64)}`);
    assertAnswer(longest, 200);
    assert.equal(longest.json.data, null);
  });

  test('every refusal carries the request id and the CORS headers', async () => {
    // [route, HTTP status, key]: framework refusals, a hook's, a route's.
    const refusals: [string, number, string][] = [
      [`/api/v1/sleeve/music/${'a'.repeat(65)}`, 404, server.adminKey],
      ['/api/v1/sleeve/music/%E0%A4', 400, server.adminKey],
      ['/media/images/%ZZ', 400, server.adminKey],
      ['/api/v1/suno/cover/record-info?taskId=%ZZ', 400, server.adminKey],
      ['/nope', 404, server.adminKey],
      ['/api/v1/chat/credit', 200, 'not-a-key'],
    ];
    for (const [route, status, key] of refusals) {
      const answer = await send('GET', route, {
        key,
        headers: { origin: 'http://localhost:5173', 'x-request-id': 'mine-4' },
      });
      assert.equal(answer.status, status, `${route}: ${answer.text}`);
      assert.notEqual(answer.json.code, 200, route);
      assert.equal(answer.headers.get('x-request-id'), 'mine-4', route);
      assert.equal(
        answer.headers.get('access-control-allow-origin'),
        'http://localhost:5173',
        route,
      );
      assert.match(
        answer.headers.get('access-control-expose-headers') ?? '',
        /Retry-After/,
        route,
      );
    }
  });

  test('weird query strings never break record-info', async () => {
    const queries = [
      '?taskId[]=x',
      '?taskId=a&taskId=b',
      '?taskId=%00',
      '?=&&&=',
      '?taskId=<script>alert(1)</script>',
      `?taskId=${reference.cover}&taskId=${reference.cover}`,
      `?taskId=${'a'.repeat(8000)}`,
      `?${'x=1&'.repeat(1000)}taskId=abc`,
    ];
    for (const query of queries) {
      const answer = await send(
        'GET',
        `/api/v1/suno/cover/record-info${query}`,
      );
      assertAnswer(answer, answer.json?.code);
      assert.ok(
        [200, 422].includes(answer.json.code),
        `${query}: ${answer.text}`,
      );
      if (answer.json.code === 200) assert.equal(answer.json.data, null);
    }
  });

  test('huge and oddly encoded ids in paths answer an envelope', async () => {
    const routes = [
      `/api/v1/sleeve/music/${'z'.repeat(3000)}`,
      `/api/v1/sleeve/music/${'%F0%9F%A5%9E'.repeat(100)}`,
      '/api/v1/sleeve/music/%E0%A4%A',
      '/api/v1/sleeve/music/%',
      `/media/images/${'a'.repeat(500)}.png`,
    ];
    for (const route of routes) {
      const answer = await send('GET', route);
      assertAnswer(answer, answer.json?.code);
      assert.ok([200, 400, 404, 422].includes(answer.json.code), answer.text);
      if (answer.json.code === 200) assert.equal(answer.json.data, null);
    }
  });

  test('a huge taskId in a body is code 422 saying it is too long', async () => {
    const answer = await sendJson('/api/v1/suno/cover/generate', {
      taskId: 'f'.repeat(10_000),
    });
    assertAnswer(answer, 422, /taskId.*longer/);
    assert.ok(answer.json.msg.length < 200, 'the id is not echoed');
  });

  test('headers over the size limit get HTTP 431 with an envelope', async () => {
    const answer = await rawRequest(
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
    );
    assertRawEnvelope(answer, 431);
  });

  test('malformed HTTP gets HTTP 400 with an envelope', async () => {
    assertRawEnvelope(await rawRequest('THIS IS NOT HTTP\r\n\r\n'), 400);
  });
});

function assertRawEnvelope(answer: string, status: number): void {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  assert.match(head, new RegExp(`^HTTP/1\\.1 ${status} `));
  assert.match(head, /content-type: application\/json; charset=utf-8/i);
  const json = JSON.parse(body);
  assert.deepEqual(Object.keys(json).sort(), ['code', 'data', 'msg']);
  assert.equal(json.code, 400);
}

/** Writes raw bytes to the server and answers all it sends back. */
function rawRequest(raw: string): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
    socket.on('data', (chunk) => (answer += String(chunk)));
    socket.on('error', (error) => (answer ? resolve(answer) : reject(error)));
    socket.on('close', () => resolve(answer));
    socket.write(raw);
  });
}

describe('unicode', () => {
  test('titles in any script, emoji and combining marks are stored exactly', async () => {
    const titles = [
      'ネオンの雨',
      'قمر الصحراء',
      'Sunday Pancakes 🥞👩‍👩‍👧',
      'Cafe\u0301 de\u0301ja\u0300 vu',
      '𝄞 treble',
      'Zero\u200bWidth',
    ];
    for (const title of titles) {
      const created = await sendJson('/api/v1/sleeve/music', {
        title,
        tags: 'тест, テスト',
        prompt: '[Verse]\nمرحبا 👋',
      });
      assert.equal(created.json.code, 200, created.text);
      const record = await send(
        'GET',
        `/api/v1/generate/record-info?taskId=${created.json.data.taskId}`,
      );
      const track = record.json.data.response.sunoData[0];
      assert.equal(track.title, title);
      assert.equal(track.tags, 'тест, テスト');
      assert.equal(track.prompt, '[Verse]\nمرحبا 👋');
    }
  });

  test('the title limit counts characters, not UTF-16 units', async () => {
    const fits = await sendJson('/api/v1/sleeve/music', {
      title: '🥞'.repeat(100),
    });
    assert.equal(fits.json.code, 200, fits.text);
    const over = await sendJson('/api/v1/sleeve/music', {
      title: '🥞'.repeat(101),
    });
    assertAnswer(over, 422, /title.*100/);
  });

  test('lone surrogates and control characters never cause a 500', async () => {
    for (const title of ['\ud800 half', 'nul\u0000inside', '\u001b[31mred']) {
      const answer = await send('POST', '/api/v1/sleeve/music', {
        body: JSON.stringify({ title }),
        contentType: 'application/json',
      });
      assertAnswer(answer, answer.json?.code);
      assert.ok([200, 422].includes(answer.json.code), answer.text);
    }
  });

  test('a unicode taskId is simply unknown', async () => {
    const answer = await sendJson('/api/v1/suno/cover/generate', {
      taskId: 'ネオン🥞',
    });
    assertAnswer(answer, 422, /does not exist/);
  });
});
