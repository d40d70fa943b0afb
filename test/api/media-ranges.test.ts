import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as undici from 'undici';
import {
  startS3Server,
  type TestS3Server,
} from '../conformance/support/s3-server.js';
import {
  createTrack,
  requestCover,
  sharedAudio,
  waitForCover,
} from '../support/api-helpers.js';
import {
  request,
  startSleeve,
  type TestSleeve,
} from '../support/sleeve-server.js';
import { loadSharedTracks, type SharedTrack } from '../support/tracks.js';

const track = oggTrack();
const audio = sharedAudio(track);

function oggTrack(): SharedTrack {
  const found = loadSharedTracks().find((t) => t.audio?.endsWith('.ogg'));
  if (!found) throw new Error('the shared tracks have no ogg file');
  return found;
}

let s3: TestS3Server;
before(async () => {
  s3 = await startS3Server(['media']);
});
after(() => s3?.close());

mediaRangeSuite('local files', () => ({}));
mediaRangeSuite('S3', () => {
  const bucket = s3.bucket('media', 'sleeve/');
  return {
    SLEEVE_S3_BUCKET: bucket.bucket,
    SLEEVE_S3_ENDPOINT: s3.endpoint,
    SLEEVE_S3_ACCESS_KEY_ID: 'S3RVER',
    SLEEVE_S3_SECRET_ACCESS_KEY: 'S3RVER',
    SLEEVE_S3_FORCE_PATH_STYLE: '1',
    SLEEVE_S3_PREFIX: 'sleeve/',
  };
});

interface Answer {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

/**
 * A plain HTTP request (undici's, not fetch: fetch adds Cache-Control:
 * no-cache to conditional requests, as browsers do only on a forced reload).
 */
async function get(
  url: string,
  headers: Record<string, string> = {},
  method: 'GET' | 'HEAD' = 'GET',
): Promise<Answer> {
  const answer = await undici.request(url, { method, headers });
  const bytes = Buffer.from(await answer.body.arrayBuffer());
  const received = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (typeof value === 'string') received.set(name, value);
  }
  return { status: answer.statusCode, headers: received, bytes };
}

function mediaRangeSuite(name: string, env: () => Record<string, string>) {
  describe(`media byte ranges: ${name}`, () => {
    let server: TestSleeve;
    let audioUrl: string;
    let imageUrl: string;
    const size = audio.length;

    before(async () => {
      server = await startSleeve(env());
      const key = await server.createKey();
      const taskId = await createTrack(server, key, track);
      const record = await request(
        server.url,
        'GET',
        `/api/v1/generate/record-info?taskId=${taskId}`,
        undefined,
        key,
      );
      audioUrl = record.body.data.response.sunoData[0].audioUrl;
      const cover = await requestCover(server, key, taskId);
      const done = await waitForCover(server, key, cover.body.data.taskId);
      imageUrl = done['response'].images[0];
    });
    after(() => server?.close());

    test('the whole file is 200 with Accept-Ranges and validators', async () => {
      const answer = await get(audioUrl);
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('accept-ranges'), 'bytes');
      assert.equal(answer.headers.get('content-length'), String(size));
      assert.equal(answer.headers.get('content-type'), 'audio/ogg');
      assert.equal(answer.headers.get('content-range'), null);
      assert.match(answer.headers.get('etag') ?? '', /^"[^"]+"$/);
      const modified = Date.parse(answer.headers.get('last-modified') ?? '');
      assert.ok(Math.abs(modified - Date.now()) < 120_000);
      assert.ok(answer.bytes.equals(audio), 'the uploaded bytes');
    });

    test('bytes=a-b is 206 with exactly those bytes', async () => {
      for (const [start, end] of [
        [0, 1],
        [1000, 1999],
        [size - 10, size - 1],
        [12345, 12345],
      ] as const) {
        const answer = await get(audioUrl, { range: `bytes=${start}-${end}` });
        assert.equal(answer.status, 206);
        assert.equal(
          answer.headers.get('content-range'),
          `bytes ${start}-${end}/${size}`,
        );
        assert.equal(
          answer.headers.get('content-length'),
          `${end - start + 1}`,
        );
        assert.equal(answer.headers.get('accept-ranges'), 'bytes');
        assert.ok(answer.bytes.equals(audio.subarray(start, end + 1)));
      }
    });

    test('an end past the file is cut at its last byte', async () => {
      const answer = await get(audioUrl, { range: `bytes=100-${size * 2}` });
      assert.equal(answer.status, 206);
      assert.equal(
        answer.headers.get('content-range'),
        `bytes 100-${size - 1}/${size}`,
      );
      assert.ok(answer.bytes.equals(audio.subarray(100)));
    });

    test('bytes=a- is 206 from a to the end', async () => {
      const start = size - 70_000;
      const answer = await get(audioUrl, { range: `bytes=${start}-` });
      assert.equal(answer.status, 206);
      assert.equal(
        answer.headers.get('content-range'),
        `bytes ${start}-${size - 1}/${size}`,
      );
      assert.ok(answer.bytes.equals(audio.subarray(start)));
    });

    test('bytes=-n is 206 with the last n bytes, or all when n is longer', async () => {
      const last = await get(audioUrl, { range: 'bytes=-128' });
      assert.equal(last.status, 206);
      assert.equal(
        last.headers.get('content-range'),
        `bytes ${size - 128}-${size - 1}/${size}`,
      );
      assert.ok(last.bytes.equals(audio.subarray(size - 128)));

      const longer = await get(audioUrl, { range: `bytes=-${size + 500}` });
      assert.equal(longer.status, 206);
      assert.equal(
        longer.headers.get('content-range'),
        `bytes 0-${size - 1}/${size}`,
      );
      assert.ok(longer.bytes.equals(audio));
    });

    test('a range outside the file is 416 with the size, in the envelope', async () => {
      for (const range of [
        `bytes=${size}-`,
        `bytes=${size + 5}-${size + 9}`,
        'bytes=-0',
      ]) {
        const answer = await get(audioUrl, { range });
        assert.equal(answer.status, 416, range);
        assert.equal(answer.headers.get('content-range'), `bytes */${size}`);
        assert.equal(answer.headers.get('accept-ranges'), 'bytes');
        const body = JSON.parse(answer.bytes.toString());
        assert.equal(body.code, 416);
        assert.match(body.msg, new RegExp(`outside the file.*${size} bytes`));
        assert.equal(body.data, null);
      }
    });

    test('ranges that touch are joined; ranges apart get the whole file', async () => {
      const joined = await get(audioUrl, {
        range: 'bytes=0-99,100-199,150-299',
      });
      assert.equal(joined.status, 206);
      assert.equal(joined.headers.get('content-range'), `bytes 0-299/${size}`);
      assert.ok(joined.bytes.equals(audio.subarray(0, 300)));

      const apart = await get(audioUrl, { range: 'bytes=0-9,500-509' });
      assert.equal(apart.status, 200);
      assert.equal(apart.headers.get('content-range'), null);
      assert.ok(apart.bytes.equals(audio));
    });

    test('a Range that does not parse, or is not in bytes, is ignored', async () => {
      for (const range of ['bytes=abc', 'bytes=5', 'items=0-9', 'bytes=1x-5']) {
        const answer = await get(audioUrl, { range });
        assert.equal(answer.status, 200, range);
        assert.ok(answer.bytes.equals(audio), range);
      }
    });

    test('HEAD sends the headers of GET and no body', async () => {
      const whole = await get(audioUrl, {}, 'HEAD');
      assert.equal(whole.status, 200);
      assert.equal(whole.headers.get('content-length'), String(size));
      assert.equal(whole.headers.get('accept-ranges'), 'bytes');
      assert.equal(whole.headers.get('content-type'), 'audio/ogg');
      assert.equal(whole.bytes.length, 0);

      const part = await get(audioUrl, { range: 'bytes=10-19' }, 'HEAD');
      assert.equal(part.status, 206);
      assert.equal(part.headers.get('content-range'), `bytes 10-19/${size}`);
      assert.equal(part.headers.get('content-length'), '10');
      assert.equal(part.bytes.length, 0);

      const outside = await get(audioUrl, { range: `bytes=${size}-` }, 'HEAD');
      assert.equal(outside.status, 416);
      assert.equal(outside.headers.get('content-range'), `bytes */${size}`);
    });

    test('If-Range answers the range only while the validator matches', async () => {
      const first = await get(audioUrl, { range: 'bytes=0-9' });
      const etag = first.headers.get('etag') ?? '';
      const lastModified = first.headers.get('last-modified') ?? '';
      const ranged = (ifRange: string) =>
        get(audioUrl, { range: 'bytes=0-9', 'if-range': ifRange });

      assert.equal((await ranged(etag)).status, 206);
      assert.equal((await ranged(lastModified)).status, 206);
      const stale = await ranged('"another-version"');
      assert.equal(stale.status, 200);
      assert.ok(stale.bytes.equals(audio));
      assert.equal((await ranged(`W/${etag}`)).status, 200);
      const earlier = new Date(Date.parse(lastModified) - 60_000);
      assert.equal((await ranged(earlier.toUTCString())).status, 200);
    });

    test('a client whose copy is current gets 304', async () => {
      const first = await get(audioUrl);
      const etag = first.headers.get('etag') ?? '';
      const again = await get(audioUrl, { 'if-none-match': etag });
      assert.equal(again.status, 304);
      assert.equal(again.headers.get('etag'), etag);
      assert.equal(again.bytes.length, 0);
      const since = first.headers.get('last-modified') ?? '';
      const dated = await get(audioUrl, { 'if-modified-since': since });
      assert.equal(dated.status, 304);
      const changed = await get(audioUrl, { 'if-none-match': '"other"' });
      assert.equal(changed.status, 200);
    });

    test('cover images answer ranges too, byte for byte', async () => {
      const whole = await get(imageUrl);
      assert.equal(whole.status, 200);
      assert.equal(whole.headers.get('accept-ranges'), 'bytes');
      assert.equal(whole.headers.get('content-type'), 'image/png');
      assert.match(whole.headers.get('cache-control') ?? '', /immutable/);
      const png = whole.bytes;
      assert.equal(png.subarray(1, 4).toString(), 'PNG');

      const head = await get(imageUrl, { range: 'bytes=0-7' });
      assert.equal(head.status, 206);
      assert.ok(head.bytes.equals(png.subarray(0, 8)));
      const tail = await get(imageUrl, { range: 'bytes=-12' });
      assert.ok(tail.bytes.equals(png.subarray(png.length - 12)));
      assert.equal(tail.bytes.subarray(4, 8).toString(), 'IEND');
      const outside = await get(imageUrl, { range: `bytes=${png.length}-` });
      assert.equal(outside.status, 416);
      assert.equal(
        outside.headers.get('content-range'),
        `bytes */${png.length}`,
      );
    });

    test('a missing file is 404 whatever the Range', async () => {
      const missing = audioUrl.replace(/[0-9a-f]{32}/, 'f'.repeat(32));
      for (const method of ['GET', 'HEAD'] as const) {
        const answer = await get(missing, { range: 'bytes=0-9' }, method);
        assert.equal(answer.status, 404);
        assert.equal(answer.headers.get('content-range'), null);
      }
    });
  });
}
