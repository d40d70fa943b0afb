import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';

let server: TestSleeve;
before(async () => {
  server = await startSleeve();
});
after(() => server.close());

test('a request without a valid key hears 401 before anything about its body', async () => {
  const userKey = await server.createKey(5);
  const cases: [string, string, unknown, string | null][] = [
    ['POST', '/api/v1/suno/cover/generate', {}, null],
    [
      'POST',
      '/api/v1/suno/cover/generate',
      '{bad json',
      'wrong-key-000000000000',
    ],
    ['GET', '/api/v1/suno/cover/record-info', undefined, null],
    ['POST', '/api/v1/sleeve/music', { title: 42 }, null],
    ['POST', '/api/v1/sleeve/admin/keys', {}, userKey],
    ['POST', '/api/v1/sleeve/admin/maintenance', { enabled: 'yes' }, userKey],
  ];
  for (const [method, route, body, key] of cases) {
    const answer = await server.api(method, route, body, key);
    assert.equal(answer.body.code, 401, `${method} ${route}`);
    assert.equal(answer.body.data, null);
  }
});

test('with a valid key the same bodies are judged on their content', async () => {
  const missing = await server.api('POST', '/api/v1/suno/cover/generate', {});
  assert.equal(missing.body.code, 422);
  const admin = await server.api('POST', '/api/v1/sleeve/admin/maintenance', {
    enabled: 'yes',
  });
  assert.equal(admin.body.code, 422);
});
