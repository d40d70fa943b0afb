import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  randomSuffix,
  TEST_DATABASE_URL,
} from '../conformance/support/services.js';
import { REPO_ROOT } from '../support/sleeve-server.js';

/**
 * Operator commands (keys, maintenance) say in one line why they cannot
 * open a database.
 */

function sleeve(env: Record<string, string>, ...args: string[]) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/main.ts'), ...args],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', ...env },
    },
  );
}

/** The failure line on stderr, checked to be the only one. */
function failureLine(run: ReturnType<typeof sleeve>, status: number) {
  assert.equal(run.status, status, run.stderr);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  return lines[0]!;
}

/** A port on 127.0.0.1 that nothing listens on (it was just free). */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** TEST_DATABASE_URL with another database name, port or password. */
function postgresUrl(change: {
  db?: string;
  port?: number;
  password?: string;
}) {
  const url = new URL(TEST_DATABASE_URL);
  if (change.db) url.pathname = `/${change.db}`;
  if (change.port) url.port = String(change.port);
  if (change.password) url.password = change.password;
  return url.toString();
}

describe('a Postgres database that cannot be used', () => {
  const PASSWORD = 'pw-not-to-be-shown';

  it('that does not exist is named in one line, without its password (exit 2)', () => {
    const db = `sleeve_missing_${randomSuffix()}`;
    const url = postgresUrl({ db, password: PASSWORD });
    const run = sleeve({}, 'keys', 'list', '--database-url', url);
    const line = failureLine(run, 2);
    const shown = new URL(url);
    shown.password = '';
    assert.equal(
      line,
      `sleeve: cannot open the database ${shown}: ` +
        `database "${db}" does not exist`,
    );
    assert.ok(!`${run.stdout}${run.stderr}`.includes(PASSWORD));

    const migrate = sleeve({ SLEEVE_DATABASE_URL: url }, 'migrate');
    assert.equal(failureLine(migrate, 2), line, 'migrate says the same');
  });

  it('that does not answer is unreachable (exit 3)', async () => {
    const url = postgresUrl({ port: await closedPort() });
    const run = sleeve({}, 'maintenance', 'status', '--database-url', url);
    assert.match(
      failureLine(run, 3),
      /^sleeve: cannot reach the database postgres:\/\/.*: connection refused \(ECONNREFUSED\)$/,
    );
    const json = sleeve({}, 'keys', 'list', '--database-url', url, '--json');
    assert.equal(json.status, 3);
    assert.equal(JSON.parse(json.stdout).error.exit, 3);
  });
});
