import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Client, request } from 'undici';
import {
  AddressRefusedError,
  createPinnedConnector,
} from '../../src/delivery/pinned-connector.js';
import { startReceiver, type Receiver } from './receiver.js';

async function withReceiver(
  test: (receiver: Receiver) => Promise<void>,
): Promise<void> {
  const receiver = await startReceiver((_request, response) => {
    response.writeHead(200).end('ok');
  });
  try {
    await test(receiver);
  } finally {
    await receiver.close();
  }
}

async function post(
  url: string,
  addresses: readonly string[],
  isAllowed: (ip: string) => boolean,
): Promise<number> {
  const connect = createPinnedConnector(addresses, {
    isAllowed,
    timeoutMs: 2000,
  });
  const client = new Client(new URL(url).origin, { connect });
  try {
    const response = await request(url, { dispatcher: client, method: 'POST' });
    await response.body.dump();
    return response.statusCode;
  } finally {
    await client.destroy();
  }
}

describe('createPinnedConnector', () => {
  it('connects a name to the checked address without asking DNS', async () => {
    await withReceiver(async (receiver) => {
      // No resolver knows this name: only the pinned answer can reach the
      // receiver.
      const url = receiver.url('/cb', 'pinned.invalid');
      const checked: string[] = [];
      const status = await post(url, ['127.0.0.1'], (ip) => {
        checked.push(ip);
        return true;
      });
      assert.equal(status, 200);
      assert.equal(
        receiver.requests[0]?.headers.host,
        `pinned.invalid:${receiver.port}`,
      );
      assert.deepEqual(checked, ['127.0.0.1']);
    });
  });

  it('drops a refused peer before sending a request', async () => {
    await withReceiver(async (receiver) => {
      await assert.rejects(
        post(receiver.url('/cb', 'pinned.invalid'), ['127.0.0.1'], () => false),
        AddressRefusedError,
      );
      assert.equal(receiver.connections(), 1);
      assert.equal(receiver.requests.length, 0);
    });
  });

  it('checks the peer of a literal IP host too', async () => {
    await withReceiver(async (receiver) => {
      const checked: string[] = [];
      await assert.rejects(
        post(receiver.url(), [], (ip) => {
          checked.push(ip);
          return false;
        }),
        AddressRefusedError,
      );
      assert.deepEqual(checked, ['127.0.0.1']);
      assert.equal(receiver.requests.length, 0);
    });
  });

  it('fails a name when no checked address is pinned', async () => {
    await withReceiver(async (receiver) => {
      await assert.rejects(
        post(receiver.url('/cb', 'pinned.invalid'), [], () => true),
        AddressRefusedError,
      );
      assert.equal(receiver.connections(), 0);
    });
  });
});
