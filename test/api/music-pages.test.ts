import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';

/** GET /api/v1/sleeve/music pages newest first, by the nextBefore cursor. */

let server: TestSleeve;
let key: string;

before(async () => {
  server = await startSleeve();
  key = await server.createKey(5, 'pages');
  for (const title of ['One', 'Two', 'Three']) {
    await server.api('POST', '/api/v1/sleeve/music', { title }, key);
  }
});
after(() => server?.close());

const page = (query: string) =>
  server.api('GET', `/api/v1/sleeve/music?${query}`, undefined, key);

test('nextBefore leads to the next page, and is null after the last', async () => {
  const first = await page('limit=2');
  assert.deepEqual(
    first.body.data.items.map((m: { title: string }) => m.title),
    ['Three', 'Two'],
  );
  const cursor: string = first.body.data.nextBefore;
  assert.match(cursor, /^\d+\.[0-9a-f]{32}$/);

  const second = await page(`limit=2&before=${encodeURIComponent(cursor)}`);
  assert.deepEqual(
    second.body.data.items.map((m: { title: string }) => m.title),
    ['One'],
  );
  assert.equal(second.body.data.nextBefore, null);
});

test('a cursor that no page gave is code 422', async () => {
  for (const cursor of [
    'x',
    '12',
    '12.',
    '.abc',
    '12.a b',
    '12.a%00b',
    `12.${'a'.repeat(65)}`,
  ]) {
    const answer = await page(`before=${encodeURIComponent(cursor)}`);
    assert.equal(answer.body.code, 422, cursor);
    assert.equal(answer.body.msg, 'before must be the nextBefore of a page.');
  }
});
