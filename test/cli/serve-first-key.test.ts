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
      assert.match(error.message, /exited 2/);
      assert.match(error.message, /is already in use; set SLEEVE_PORT/);
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

test('serve --json prints one JSON line when listening, with the new admin key', async (t) => {
  const dataDir = await makeDataDir();
  t.after(() => fs.rm(dataDir, { recursive: true, force: true }));
  const env = { SLEEVE_DATA_DIR: dataDir, SLEEVE_API_KEY: '' };
  const first = await spawnSleeve(env, { args: ['--json'] });
  const line = await eventually(async () => firstLine(first.stdout()));
  await first.kill('SIGTERM');

  // Logs go to stderr, so stdout holds that one line only.
  assert.equal(first.stdout(), `${line}\n`);
  const started = JSON.parse(line);
  assert.equal(started.url, first.url);
  assert.deepEqual(started.services, { api: true, worker: true });
  const credit = await startAgainAndAsk(env, started.adminKey);
  assert.equal(credit.body.code, 200, credit.body.msg);
});

/** A later start has no new key to show; the first start's key works. */
async function startAgainAndAsk(env: Record<string, string>, key: string) {
  const again = await spawnSleeve(env, { args: ['--json'] });
  try {
    const line = await eventually(async () => firstLine(again.stdout()));
    assert.equal(JSON.parse(line).adminKey, null);
    return await request(
      again.url,
      'GET',
      '/api/v1/chat/credit',
      undefined,
      key,
    );
  } finally {
    await again.kill('SIGTERM');
  }
}

const firstLine = (text: string) => /^(.*)\n/.exec(text)?.[1];
