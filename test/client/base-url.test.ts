import assert from 'node:assert/strict';
import net from 'node:net';
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

test('a server that is not there rejects as a network error saying why', async () => {
  const closed = await startSleeve();
  const url = closed.url;
  await closed.close();
  const client = new SleeveClient({ baseUrl: `${url}/api/v1`, apiKey });
  await assert.rejects(client.getCredits(), {
    name: 'SleeveNetworkError',
    message:
      `could not reach the server at ${url}: connection refused ` +
      '(ECONNREFUSED) [GET /api/v1/chat/credit]',
  });
});

/** A fetch that fails as Node's does: "fetch failed", the reason in cause. */
function failingFetch(cause: Error): typeof fetch {
  return async () => {
    throw new TypeError('fetch failed', { cause });
  };
}

const systemError = (code: string, message: string) =>
  Object.assign(new Error(message), { code });

test('the reason comes from the cause: DNS, a timeout, or its own words', async () => {
  const cases = [
    [
      systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND covers.example'),
      'the host name was not found (ENOTFOUND)',
    ],
    [
      systemError('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error'),
      'the connection timed out (UND_ERR_CONNECT_TIMEOUT)',
    ],
    [new Error('self-signed certificate'), 'self-signed certificate'],
  ] as const;
  for (const [cause, reason] of cases) {
    const client = new SleeveClient({
      baseUrl: 'https://covers.example/api/v1',
      apiKey,
      fetch: failingFetch(cause),
    });
    await assert.rejects(client.getCredits(), {
      name: 'SleeveNetworkError',
      message:
        `could not reach the server at https://covers.example: ${reason} ` +
        '[GET /api/v1/chat/credit]',
    });
  }
});

test('a URL quoted by a failure is shown without its credentials', async () => {
  const client = new SleeveClient({
    baseUrl: 'https://covers.example',
    apiKey,
    fetch: failingFetch(
      new Error('redirected to https://user:SECRETPW@other.example/x'),
    ),
  });
  await assert.rejects(client.getCredits(), {
    name: 'SleeveNetworkError',
    message:
      'could not reach the server at https://covers.example: redirected to ' +
      'https://other.example/x [GET /api/v1/chat/credit]',
  });
});

test('a server that takes the connection but never answers times out, saying so', async (t) => {
  const silent = net.createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    silent.close();
  });
  const { port } = silent.address() as net.AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const client = new SleeveClient({
    baseUrl: url,
    apiKey,
    requestTimeoutMs: 200,
  });
  await assert.rejects(client.getCredits(), {
    name: 'SleeveNetworkError',
    message: `the server at ${url} did not answer within 200 ms [GET /api/v1/chat/credit]`,
  });
});
