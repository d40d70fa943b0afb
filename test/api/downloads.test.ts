import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { loadImage } from '@napi-rs/canvas';
import {
  createTrack,
  download,
  objectNameOf,
  objectPath,
  requestCover,
  waitForCover,
} from '../support/api-helpers.js';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';
import { loadSharedTracks } from '../support/tracks.js';

let server: TestSleeve;
let coverTaskId: string;
let images: string[];

before(async () => {
  server = await startSleeve({ SLEEVE_IMAGE_SIZE: '256' });
  const track = loadSharedTracks().find((t) => t.audio === null);
  if (!track) throw new Error('no shared track without audio');
  const musicTaskId = await createTrack(server, server.adminKey, track);
  const answer = await requestCover(server, server.adminKey, musicTaskId);
  coverTaskId = answer.body.data.taskId;
  const info = await waitForCover(server, server.adminKey, coverTaskId);
  images = info['response'].images;
});
after(() => server?.close());

const downloadUrl = (position: number, query = '') =>
  `${server.url}/api/v1/sleeve/covers/${coverTaskId}/images/${position}${query}`;

async function get(url: string, key = server.adminKey) {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${key}` },
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

describe('cover downloads', () => {
  it('gives a PNG at the stored size as the stored file, byte for byte', async () => {
    const stored = await download(images[0]!);
    const answer = await get(downloadUrl(0));
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'image/png');
    assert.match(
      answer.headers.get('content-disposition') ?? '',
      /^attachment; filename="[a-z0-9-]+-[a-z]+-256\.png"$/,
    );
    assert.ok(answer.bytes.equals(stored.bytes));
  });

  it('serves what is stored even when a render today would differ', async () => {
    // A cover made by an earlier engine: the file on disk is not what the
    // engine draws now. Image 1's file stands in for it under image 0's name.
    const name = objectNameOf(images[0]!);
    const other = await fs.readFile(
      objectPath(server.dataDir, objectNameOf(images[1]!)),
    );
    await fs.writeFile(objectPath(server.dataDir, name), other);
    const answer = await get(downloadUrl(0));
    assert.equal(answer.status, 200);
    assert.ok(answer.bytes.equals(other), 'the stored bytes, not a re-render');
  });

  it('renders other sizes and formats, decodable at the asked size', async () => {
    for (const [format, type] of [
      ['jpeg', 'image/jpeg'],
      ['webp', 'image/webp'],
      ['png', 'image/png'],
    ] as const) {
      const answer = await get(downloadUrl(1, `?format=${format}&size=300`));
      assert.equal(answer.status, 200, format);
      assert.equal(answer.headers.get('content-type'), type);
      const picture = await loadImage(answer.bytes);
      assert.equal(picture.width, 300, format);
      assert.equal(picture.height, 300, format);
    }
  });

  it('refuses with real HTTP statuses, so no error is saved as an image', async () => {
    const badKey = await get(downloadUrl(0), 'not-a-key');
    assert.equal(badKey.status, 401);
    assert.equal(JSON.parse(badKey.bytes.toString()).code, 401);
    const badSize = await get(downloadUrl(0, '?size=5'));
    assert.equal(badSize.status, 422);
    assert.match(JSON.parse(badSize.bytes.toString()).msg, /size/);

    let limited;
    for (let i = 0; i < 30 && !limited; i++) {
      const answer = await get(downloadUrl(0));
      if (answer.status !== 200) limited = answer;
    }
    assert.ok(limited, 'the download limit was reached');
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal(JSON.parse(limited.bytes.toString()).code, 429);
  });

  it("answers another key's cover as missing, in the envelope", async () => {
    const stranger = await server.createKey(10, 'stranger');
    const answer = await get(downloadUrl(0), stranger);
    assert.equal(answer.status, 404);
    const body = JSON.parse(answer.bytes.toString());
    assert.equal(body.code, 404);
    assert.equal(body.data, null);
  });
});
