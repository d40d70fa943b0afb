import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { normaliseBaseUrl, SleeveClient } from '../../src/client/index.js';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';

let server: TestSleeve;
let apiKey: string;

before(async () => {
  server = await startSleeve();
  apiKey = await server.createKey(42.5);
});
after(() => server.close());

test('the bare host and host + /api/v1 reach the same endpoints', async () => {
  const variants = [
    server.url,
    `${server.url}/`,
    `${server.url}/api/v1`,
    `${server.url}/api/v1/`,
  ];
  for (const baseUrl of variants) {
    const client = new SleeveClient({ baseUrl, apiKey });
    assert.equal(await client.getCredits(), 42.5, baseUrl);
  }
});

test('a base path before /api/v1 is kept, and /api/v1 is never doubled', () => {
  assert.equal(
    normaliseBaseUrl('https://h.example/api/v1'),
    'https://h.example',
  );
  assert.equal(
    normaliseBaseUrl('https://h.example/proxy/api/v1//'),
    'https://h.example/proxy',
  );
  assert.equal(
    normaliseBaseUrl('https://h.example/proxy'),
    'https://h.example/proxy',
  );
});

test('both credit endpoints answer the same balance', async () => {
  const paths: string[] = [];
  const recording: typeof fetch = (input, init) => {
    paths.push(new URL(String(input)).pathname);
    return fetch(input, init);
  };
  for (const creditEndpoint of ['chat', 'generate'] as const) {
    const client = new SleeveClient({
      baseUrl: `${server.url}/api/v1`,
      apiKey,
      creditEndpoint,
      fetch: recording,
    });
    assert.equal(await client.getCredits(), 42.5);
  }
  assert.deepEqual(paths, ['/api/v1/chat/credit', '/api/v1/generate/credit']);
});

test('a server that is not there rejects as a network error', async () => {
  const closed = await startSleeve();
  const url = closed.url;
  await closed.close();
  const client = new SleeveClient({ baseUrl: url, apiKey });
  await assert.rejects(client.getCredits(), { name: 'SleeveNetworkError' });
});
