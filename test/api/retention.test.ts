import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  closeAll,
  coverInfo,
  download,
  importRecord,
  objectNameOf,
  objectPath,
  requestCover,
  waitForCover,
} from '../support/api-helpers.js';
import {
  eventually,
  startSleeve,
  type TestSleeve,
} from '../support/sleeve-server.js';
import type { Clock } from '../../src/util/clock.js';
import { assertEnvelope } from './contract-checks.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Real time plus an offset the test moves forward. */
function movableClock() {
  let offset = 0;
  const clock: Clock = { now: () => Date.now() + offset };
  return { clock, advance: (ms: number) => (offset += ms) };
}

async function finishedCover(server: TestSleeve): Promise<string[]> {
  const music = await importRecord(server, server.adminKey);
  const created = await requestCover(server, server.adminKey, music);
  const info = await waitForCover(
    server,
    server.adminKey,
    created.body.data.taskId,
  );
  assert.equal(info['successFlag'], 1);
  return info['response'].images as string[];
}

describe('SLEEVE_RETENTION_DAYS=2', () => {
  const time = movableClock();
  let server: TestSleeve;
  before(async () => {
    server = await startSleeve(
      { SLEEVE_RETENTION_DAYS: '2', SLEEVE_RATE_POLL: '1000/1s' },
      { clock: time.clock, housekeepingMs: 100 },
    );
  });
  after(() => closeAll(server));

  test('images serve 200 during the retention period and 410 after it', async () => {
    const images = await finishedCover(server);
    for (const url of images) {
      const fresh = await download(url);
      assert.equal(fresh.status, 200);
      const maxAge = /max-age=(\d+)/.exec(
        String(fresh.headers.get('cache-control')),
      );
      assert.ok(maxAge && Number(maxAge[1]) <= (2 * DAY) / 1000);
    }

    time.advance(2 * DAY - 5 * MINUTE);
    for (const url of images) assert.equal((await download(url)).status, 200);

    time.advance(10 * MINUTE);
    for (const url of images) {
      const gone = await fetch(url);
      assert.equal(gone.status, 410);
      const body = (await gone.json()) as { code: number; msg: string };
      assert.equal(body.code, 410);
      assert.match(body.msg, /expired/);
    }
  });

  test("housekeeping deletes expired bytes and leaves other tasks' images", async () => {
    const older = await finishedCover(server);
    time.advance(DAY);
    const newer = await finishedCover(server);
    const files = (urls: string[]) =>
      urls.map((url) => objectPath(server.dataDir, objectNameOf(url)));
    for (const file of [...files(older), ...files(newer)]) {
      assert.ok(fs.existsSync(file), `${file} exists`);
    }

    // Past the older cover's retention, not yet the newer one's.
    time.advance(DAY + 5 * MINUTE);
    await eventually(async () =>
      files(older).every((file) => !fs.existsSync(file)),
    );
    for (const file of files(newer)) assert.ok(fs.existsSync(file));
    for (const url of older) assert.equal((await download(url)).status, 410);
    for (const url of newer) {
      const kept = await download(url);
      assert.equal(kept.status, 200);
      assert.ok(kept.bytes.length > 1000);
    }
  });

  test('record-info of an expired cover still reads as a finished success', async () => {
    const music = await importRecord(server, server.adminKey);
    const created = await requestCover(server, server.adminKey, music);
    const cover = created.body.data.taskId as string;
    await waitForCover(server, server.adminKey, cover);
    time.advance(3 * DAY);
    const answer = await coverInfo(server, server.adminKey, cover);
    assertEnvelope(answer, 200);
    assert.equal(answer.body.data.successFlag, 1);
    assert.equal(answer.body.data.response.images.length, 2);
  });
});

describe('default retention', () => {
  const time = movableClock();
  let server: TestSleeve;
  before(async () => {
    server = await startSleeve(
      { SLEEVE_RATE_POLL: '1000/1s' },
      { clock: time.clock, housekeepingMs: 100 },
    );
  });
  after(() => closeAll(server));

  test('is 14 days', async () => {
    const images = await finishedCover(server);
    time.advance(14 * DAY - 10 * MINUTE);
    for (const url of images) assert.equal((await download(url)).status, 200);
    time.advance(20 * MINUTE);
    for (const url of images) assert.equal((await download(url)).status, 410);
  });
});
