import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import net from 'node:net';
import { test } from 'node:test';
import {
  eventually,
  makeDataDir,
  request,
  spawnSleeve,
} from '../support/sleeve-server.js';

/** A port on 127.0.0.1 that something else is already listening on. */
async function occupyPort(): Promise<net.Server> {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return blocker;
}

test('a first start that cannot listen stores no key; the next prints one that works', async (t) => {
  const dataDir = await makeDataDir();
  t.after(() => fs.rm(dataDir, { recursive: true, force: true }));
  const blocker = await occupyPort();
  const address = blocker.address() as net.AddressInfo;

  // No SLEEVE_API_KEY: the server is to generate the admin key itself.
  const env = { SLEEVE_DATA_DIR: dataDir, SLEEVE_API_KEY: '' };
  await assert.rejects(
    spawnSleeve({ ...env, SLEEVE_PORT: String(address.port) }),
    (error: Error) => {
      assert.match(error.message, /exited [1-9]/);
      assert.match(error.message, /EADDRINUSE/);
      assert.doesNotMatch(error.message, /admin API key/);
      return true;
    },
  );
  await new Promise((resolve) => blocker.close(resolve));

  const server = await spawnSleeve(env);
  t.after(() => server.kill('SIGTERM'));
  const printed = await eventually(async () =>
    /shown this once only:\s+(\S+)/.exec(server.output()),
  );
  const secret = printed[1]!;
  const credit = await request(
    server.url,
    'GET',
    '/api/v1/chat/credit',
    undefined,
    secret,
  );
  assert.equal(credit.body.code, 200, credit.body.msg);
});
