import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';

/**
 * A client that stalls part-way through its request is answered HTTP 408
 * and cut off (SLEEVE_REQUEST_TIMEOUT_SEC, small here), instead of holding
 * the connection for ever.
 */

let server: TestSleeve;

before(async () => {
  server = await startSleeve({ SLEEVE_REQUEST_TIMEOUT_SEC: '1' });
});

after(() => server.close());

/** Writes `text`, then waits for the server to close; answers what came. */
function stallAfter(text: string): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(text);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('close', () => resolve(Buffer.concat(chunks).toString()));
  });
}

test(
  'a body that stops half-way is answered 408 and the connection closed',
  { timeout: 30_000 },
  async () => {
    const body = JSON.stringify({ title: 'Half', tags: 'rock' });
    const answer = await stallAfter(
      'POST /api/v1/sleeve/music HTTP/1.1\r\n' +
        `Host: ${new URL(server.url).host}\r\n` +
        `Authorization: Bearer ${server.adminKey}\r\n` +
        'Content-Type: application/json\r\n' +
        `Content-Length: ${body.length}\r\n\r\n` +
        body.slice(0, 10),
    );
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.match(answer, /"msg":"The request did not arrive in time\."/);
  },
);

test(
  'headers that never end are answered 408 and the connection closed',
  { timeout: 30_000 },
  async () => {
    const answer = await stallAfter(
      'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ',
    );
    assert.match(answer, /^HTTP\/1\.1 408 /);
  },
);

test('a request that arrives whole is answered as usual', async () => {
  const answer = await server.api('GET', '/api/v1/chat/credit');
  assert.equal(answer.body.code, 200);
});
