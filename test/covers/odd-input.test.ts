import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ADMIN_KEY,
  startSleeve,
  type TestSleeve,
} from '../support/sleeve-server.js';

let server: TestSleeve;
before(async () => {
  server = await startSleeve();
});
after(() => server.close());

test('a title of only invisible characters counts as no title', async () => {
  const answer = await server.api('POST', '/api/v1/sleeve/music', {
    title: '\u200b\u200b \ufeff',
  });
  assert.equal(answer.body.code, 422);
  assert.match(answer.body.msg, /title is required/);
});

test('text with a lone surrogate is refused, emoji pairs are fine', async () => {
  const broken = await server.api(
    'POST',
    '/api/v1/sleeve/music',
    '{"title":"Song \\ud800"}',
  );
  assert.equal(broken.body.code, 422);
  assert.match(broken.body.msg, /title has broken characters/);
  const fine = await server.api('POST', '/api/v1/sleeve/music', {
    title: 'Sunday Pancakes 🥞',
  });
  assert.equal(fine.body.code, 200);
});

test('the last admin key cannot be revoked; another admin makes it possible', async () => {
  const keys = await server.api('GET', '/api/v1/sleeve/admin/keys');
  const admin = keys.body.data.find((k: { admin: boolean }) => k.admin);
  const refused = await server.api(
    'POST',
    `/api/v1/sleeve/admin/keys/${admin.id}/revoke`,
  );
  assert.equal(refused.body.code, 422);
  assert.match(refused.body.msg, /last admin key/);
  assert.equal(
    (await server.api('GET', '/api/v1/chat/credit', undefined, ADMIN_KEY)).body
      .code,
    200,
  );

  const second = await server.api('POST', '/api/v1/sleeve/admin/keys', {
    name: 'ops',
    admin: true,
  });
  const revoked = await server.api(
    'POST',
    `/api/v1/sleeve/admin/keys/${admin.id}/revoke`,
    undefined,
    second.body.data.key,
  );
  assert.equal(revoked.body.code, 200);
});
