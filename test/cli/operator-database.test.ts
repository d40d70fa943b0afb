import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import {
  createTestSchema,
  randomSuffix,
  TEST_DATABASE_URL,
} from '../conformance/support/services.js';
import { makeDataDir, REPO_ROOT } from '../support/sleeve-server.js';
import { closedPort } from '../delivery/receiver.js';

/**
 * Operator commands (keys, maintenance) work on an existing Sleeve
 * database only, and say in one line why they cannot open one; serve and
 * migrate still create it.
 */

let dir: string;

before(async () => {
  dir = await makeDataDir();
});
after(() => fs.rm(dir, { recursive: true, force: true }));

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

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

describe('a data directory without a Sleeve database', () => {
  it('is refused by keys and maintenance, which create nothing (exit 2)', async () => {
    const missing = path.join(dir, 'does-not-exist');
    for (const command of [
      ['keys', 'list'],
      ['maintenance', 'status'],
    ]) {
      const line = failureLine(
        sleeve({}, ...command, '--data-dir', missing),
        2,
      );
      assert.equal(
        line,
        `sleeve: no Sleeve database at ${missing}/sleeve.db; ` +
          '`sleeve serve` or `sleeve migrate` creates one ' +
          '(--data-dir or --database-url to choose another)',
      );
    }
    assert.equal(await exists(missing), false, 'no folder made');

    const file = path.join(dir, 'other.db');
    failureLine(sleeve({}, 'keys', 'list', '--database-url', file), 2);
    assert.equal(await exists(file), false, 'no file made');
  });

  it("is refused when its file is empty or not Sleeve's, which stays byte for byte as it was", async () => {
    const files = await notSleeveFiles(path.join(dir, 'not-sleeve'));
    for (const [kind, file] of Object.entries(files)) {
      const before = await fs.readFile(file);
      const { mtimeMs } = await fs.stat(file);
      for (const command of [
        ['keys', 'list'],
        ['keys', 'create', '--name', 'ops'],
        ['maintenance', 'on'],
      ]) {
        const line = failureLine(
          sleeve({}, ...command, '--database-url', file),
          2,
        );
        assert.match(
          line,
          kind === 'random bytes'
            ? /^sleeve: cannot open the database .*: file is not a database$/
            : /^sleeve: .* is not a Sleeve database \(it holds no Sleeve tables\)/,
          `${kind}: ${command.join(' ')}`,
        );
      }
      assert.deepEqual(await fs.readFile(file), before, `${kind}: bytes`);
      assert.equal((await fs.stat(file)).mtimeMs, mtimeMs, `${kind}: mtime`);
      assert.deepEqual(
        (await fs.readdir(path.dirname(file))).filter((f) =>
          f.startsWith(path.basename(file)),
        ),
        [path.basename(file)],
        `${kind}: no -wal or -shm file`,
      );
    }
  });

  it('is not even looked for when the command line is wrong', () => {
    const missing = path.join(dir, 'does-not-exist');
    const cases = [
      [['maintenance', 'maybe'], 'state must be on, off or status'],
      [
        ['keys', 'credits', 'key_0123', 'lots'],
        'not a usable amount of credits: lots',
      ],
      [
        ['keys', 'create', '--name', 'ops', '--credits', '-1'],
        'not a usable amount of credits: -1',
      ],
    ] as const;
    for (const [command, says] of cases) {
      const run = sleeve({}, ...command, '--data-dir', missing);
      assert.equal(run.status, 2, run.stderr);
      assert.equal(run.stdout, '', 'no "database: …" line');
      assert.equal(run.stderr, `sleeve: ${says}\n`);
    }
  });

  it('is still created by migrate, and then keys work on it', async () => {
    const fresh = path.join(dir, 'fresh');
    const migrate = sleeve({ SLEEVE_DATA_DIR: fresh }, 'migrate');
    assert.equal(migrate.status, 0, migrate.stderr);
    assert.ok(await exists(path.join(fresh, 'sleeve.db')));
    const list = sleeve({}, 'keys', 'list', '--data-dir', fresh);
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /^No keys\.$/m);
  });
});

/**
 * Files where a Sleeve database might have been, each in its own folder
 * and dated in the past, so that a write would show in the mtime.
 */
async function notSleeveFiles(root: string): Promise<Record<string, string>> {
  const contents: Record<string, Buffer | ((file: string) => void)> = {
    empty: Buffer.alloc(0),
    'random bytes': Buffer.from('not SQLite at all, '.repeat(300)),
    "another program's SQLite": (file) => {
      const other = new BetterSqlite3(file);
      other.exec('CREATE TABLE notes (body TEXT)');
      other.close();
    },
  };
  const files: Record<string, string> = {};
  for (const [kind, content] of Object.entries(contents)) {
    const folder = path.join(root, kind.replace(/\W+/g, '-'));
    await fs.mkdir(folder, { recursive: true });
    const file = path.join(folder, 'sleeve.db');
    if (typeof content === 'function') content(file);
    else await fs.writeFile(file, content);
    await fs.utimes(file, new Date('2020-01-01'), new Date('2020-01-01'));
    files[kind] = file;
  }
  return files;
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

  it('that accepts connections but never answers is unreachable after 10 s (exit 3)', async () => {
    // A listener on 127.0.0.1 that takes the connection and says nothing,
    // as a database host that has stopped answering does.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) =>
      silent.listen(0, '127.0.0.1', resolve),
    );
    const { port } = silent.address() as net.AddressInfo;
    try {
      const run = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/main.ts')].concat([
          'keys',
          'list',
          '--database-url',
          postgresUrl({ port }),
        ]),
        { cwd: REPO_ROOT, env: { PATH: process.env['PATH'] ?? '' } },
      );
      let stderr = '';
      run.stderr.on('data', (chunk) => (stderr += chunk));
      const [status] = await once(run, 'exit');
      assert.equal(status, 3, stderr);
      assert.match(
        stderr,
        /cannot reach the database .*: it did not answer in time/,
      );
    } finally {
      silent.close();
    }
  });

  it('that holds no Sleeve tables is refused, and left as it was (exit 2)', async () => {
    const schema = await createTestSchema('operator');
    try {
      const run = sleeve(
        { SLEEVE_DATABASE_SCHEMA: schema.name },
        'keys',
        'list',
        '--database-url',
        TEST_DATABASE_URL,
      );
      assert.match(
        failureLine(run, 2),
        /^sleeve: no Sleeve tables in postgres:\/\/.*; `sleeve migrate` creates them$/,
      );
      assert.deepEqual(await tablesIn(schema.name), []);
    } finally {
      await schema.drop();
    }
  });
});

async function tablesIn(schema: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      'SELECT table_name AS name FROM information_schema.tables ' +
        'WHERE table_schema = $1',
      [schema],
    );
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}
