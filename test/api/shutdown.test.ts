import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { test } from 'node:test';
import {
  eventually,
  startSleeve,
  type TestSleeve,
} from '../support/sleeve-server.js';
import { newObjectName } from '../../src/util/ids.js';

/** One HTTP/1.1 connection written and read by hand. */
class RawConnection {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  /** Everything the server sent, once it has closed the connection. */
  readonly closed: Promise<string>;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.bytes += chunk.length;
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', () => resolve(this.received())),
    );
  }

  static open(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () =>
        resolve(new RawConnection(socket)),
      );
      socket.once('error', reject);
    });
  }

  write(text: string): Promise<void> {
    return new Promise((resolve, reject) =>
      this.socket.write(text, (error) => (error ? reject(error) : resolve())),
    );
  }

  /** What arrived so far, one character a byte (the bodies are ASCII). */
  received(): string {
    return Buffer.concat(this.chunks).toString('latin1');
  }

  receivedBytes(): number {
    return this.bytes;
  }

  /** Stops reading, so the server's writes back up; `resume` goes on. */
  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  destroy(): void {
    this.socket.destroy();
  }
}

interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** The responses in what a connection received, interim ones included. */
function parseResponses(text: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = text;
  while (rest.length > 0) {
    const headEnd = rest.indexOf('\r\n\r\n');
    assert.ok(headEnd >= 0, `an incomplete response: ${rest}`);
    const [statusLine = '', ...lines] = rest.slice(0, headEnd).split('\r\n');
    const headers = new Map(
      lines.map((line) => {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).toLowerCase();
        return [name, line.slice(colon + 1).trim()] as const;
      }),
    );
    const length = Number(headers.get('content-length') ?? 0);
    const bodyStart = headEnd + 4;
    const body = rest.slice(bodyStart, bodyStart + length);
    responses.push({ status: Number(statusLine.split(' ')[1]), headers, body });
    rest = rest.slice(bodyStart + length);
  }
  return responses;
}

/** Resolves once the server no longer accepts connections. */
async function listenerClosed(url: string): Promise<void> {
  await eventually(async () => {
    try {
      (await RawConnection.open(url)).destroy();
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';
    }
  });
}

test('while the server closes, a running request finishes and a new one gets the envelope', async () => {
  let server: TestSleeve | undefined = await startSleeve();
  try {
    const { url } = server;
    const key = await server.createKey();
    const body = JSON.stringify({ title: 'Closing Time', tags: 'rock' });

    // A request in flight: its headers are in (the server says 100
    // Continue), its body is not.
    const running = await RawConnection.open(url);
    await running.write(
      'POST /api/v1/sleeve/music HTTP/1.1\r\nHost: sleeve\r\n' +
        `Authorization: Bearer ${key}\r\n` +
        'Content-Type: application/json\r\nExpect: 100-continue\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    );
    await eventually(async () => /^HTTP\/1.1 100/.test(running.received()));

    // A request whose headers are not complete when the close begins.
    const late = await RawConnection.open(url);
    await late.write(
      'GET /api/v1/chat/credit HTTP/1.1\r\nHost: sleeve\r\n' +
        `Authorization: Bearer ${key}\r\n`,
    );

    const closing = server.close();
    server = undefined;
    await listenerClosed(url);

    await late.write('\r\n');
    const [refused, ...more] = parseResponses(await late.closed);
    assert.equal(more.length, 0);
    assert.equal(refused?.status, 503);
    assert.equal(refused.headers.get('connection'), 'close');
    assert.equal(refused.headers.get('retry-after'), '5');
    assert.match(
      refused.headers.get('content-type') ?? '',
      /^application\/json; charset=utf-8/,
    );
    const envelope = JSON.parse(refused.body);
    assert.equal(envelope.code, 455);
    assert.match(envelope.msg, /shutting down.*try again/);
    assert.equal(envelope.data, null);

    await running.write(body);
    const [interim, finished] = parseResponses(await running.closed);
    assert.equal(interim?.status, 100);
    assert.equal(finished?.status, 200);
    assert.equal(finished.headers.get('connection'), 'close');
    const created = JSON.parse(finished.body);
    assert.equal(created.code, 200);
    assert.match(created.data.taskId, /^[0-9a-f]{32}$/);

    await closing;
  } finally {
    await server?.close();
  }
});

// Without the fix this waits for the 72 s keep-alive timeout; the bound
// turns that into a failure instead of a slow pass.
test(
  'a file still streaming when close begins ends its connection after the last byte',
  { timeout: 45_000 },
  async () => {
    let server: TestSleeve | undefined = await startSleeve();
    try {
      const { url } = server;
      // Larger than what the loopback socket buffers hold, so the answer
      // cannot finish while the client is not reading.
      const size = 48 * 1024 * 1024;
      const name = newObjectName('wav');
      await server.sleeve.backends.objects.put(
        name,
        randomBytes(size),
        'audio/wav',
      );

      const download = await RawConnection.open(url);
      await download.write(
        `GET /media/audio/${name} HTTP/1.1\r\nHost: sleeve\r\n\r\n`,
      );
      await eventually(async () => download.received().includes('\r\n\r\n'));
      download.pause();

      const closing = server.close();
      server = undefined;
      await listenerClosed(url);
      assert.ok(
        download.receivedBytes() < size,
        'the answer is still under way',
      );

      download.resume();
      const [answer, ...more] = parseResponses(await download.closed);
      assert.equal(more.length, 0);
      assert.equal(answer?.status, 200);
      assert.equal(answer.body.length, size);
      await closing;
    } finally {
      await server?.close();
    }
  },
);
