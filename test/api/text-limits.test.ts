import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { successRecord } from '../support/api-helpers.js';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';

/**
 * Text limits count characters as people see them (grapheme clusters):
 * a family emoji is seven code points and eleven UTF-16 units, but one
 * character.
 */

const FAMILY = '👨‍👩‍👧‍👦';
const ACCENTED = 'e\u0301'; // e + combining acute: one character, é

let server: TestSleeve;

before(async () => {
  server = await startSleeve();
});

after(() => server.close());

const create = (fields: Record<string, string>) =>
  server.api('POST', '/api/v1/sleeve/music', fields);

test('twenty family emoji are a title of twenty characters', async () => {
  const answer = await create({ title: FAMILY.repeat(20) });
  assert.equal(answer.body.code, 200, answer.body.msg);
});

test('the title limit is 100 characters people see, not code points', async () => {
  const fits = await create({ title: FAMILY.repeat(100) });
  assert.equal(fits.body.code, 200, fits.body.msg);
  const over = await create({ title: FAMILY.repeat(101) });
  assert.equal(over.body.code, 422);
  assert.equal(over.body.msg, 'title is longer than 100 characters.');
});

test('tags and lyrics count combined characters once too', async () => {
  const tags = await create({ title: 'T', tags: ACCENTED.repeat(1000) });
  assert.equal(tags.body.code, 200, tags.body.msg);
  const overTags = await create({ title: 'T', tags: ACCENTED.repeat(1001) });
  assert.equal(overTags.body.msg, 'tags is longer than 1000 characters.');
  const lyrics = await create({ title: 'T', prompt: FAMILY.repeat(5000) });
  assert.equal(lyrics.body.code, 200, lyrics.body.msg);
});

test('endless combining marks on a few characters are still refused', async () => {
  const answer = await create({ title: `a${'\u0301'.repeat(2000)}` });
  assert.equal(answer.body.code, 422);
  assert.match(answer.body.msg, /title is longer than 100 characters/);
});

test('imported records count the same way', async () => {
  const record = successRecord() as { data: any };
  record.data.response.sunoData[0].title = FAMILY.repeat(100);
  const fits = await server.api('POST', '/api/v1/sleeve/music/import', record);
  assert.equal(fits.body.code, 200, fits.body.msg);
  const over = successRecord() as { data: any };
  over.data.response.sunoData[0].title = FAMILY.repeat(101);
  const refused = await server.api('POST', '/api/v1/sleeve/music/import', over);
  assert.equal(refused.body.code, 422);
  assert.match(refused.body.msg, /title is longer than 100 characters/);
});
