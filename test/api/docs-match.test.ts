import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  REPO_ROOT,
  startSleeve,
  type TestSleeve,
} from '../support/sleeve-server.js';

/** docs/api.md says what the server does: its examples are checked here. */

const API_DOC = fs.readFileSync(path.join(REPO_ROOT, 'docs/api.md'), 'utf8');

let server: TestSleeve;

before(async () => {
  server = await startSleeve();
});

after(() => server.close());

test('the /healthz answer is the one docs/api.md shows', async () => {
  const section = API_DOC.slice(API_DOC.indexOf('`GET /healthz` needs no key'));
  const shown = /`(\{"code": 200[^`]*)`/.exec(section)?.[1];
  assert.ok(shown, 'docs/api.md shows the healthy answer');
  const answer = await server.api('GET', '/healthz', undefined, null);
  assert.equal(answer.status, 200);
  assert.deepEqual(answer.body, JSON.parse(shown));
});

test('the statuses table matches what unknown endpoints and files answer', async () => {
  assert.match(API_DOC, /\| `404` \| 404 +\| an unknown endpoint;/);
  const unknown = await server.api('GET', '/api/v1/no/such/endpoint');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.code, 404);
  const missing = await server.api(
    'GET',
    `/media/images/${'0'.repeat(32)}.png`,
  );
  assert.equal(missing.status, 404);
  assert.equal(missing.body.code, 404);
});

test('the artist limit docs/api.md gives is the one enforced', async () => {
  const limit = Number(/artist\s+(\d+)\./.exec(API_DOC)?.[1]);
  assert.ok(limit > 0, 'docs/api.md gives the artist limit');
  const fits = await server.api('POST', '/api/v1/sleeve/music', {
    title: 'T',
    artist: 'a'.repeat(limit),
  });
  assert.equal(fits.body.code, 200, fits.body.msg);
  const over = await server.api('POST', '/api/v1/sleeve/music', {
    title: 'T',
    artist: 'a'.repeat(limit + 1),
  });
  assert.equal(over.body.code, 422);
  assert.equal(over.body.msg, `artist is longer than ${limit} characters.`);
});
