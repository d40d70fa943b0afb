import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { makeDataDir, REPO_ROOT } from '../support/sleeve-server.js';
import { closedPort } from '../delivery/receiver.js';

/**
 * Expected failures print one line (or the --json error object) and exit
 * with the documented code, never a stack trace.
 */

const CLI = path.join(REPO_ROOT, 'src/cli/main.ts');
let dir: string;

before(async () => {
  dir = await makeDataDir();
  await fs.writeFile(path.join(dir, 'random.bin'), randomBytes(8192));
  await fs.writeFile(path.join(dir, 'empty.mp3'), '');
  await fs.mkdir(path.join(dir, 'missing'));
  await fs.mkdir(path.join(dir, 'broken'));
  await fs.writeFile(path.join(dir, 'broken/tracks.json'), '{"title": ');
  await fs.mkdir(path.join(dir, 'mixed'));
  await fs.copyFile(
    path.join(dir, 'random.bin'),
    path.join(dir, 'mixed/noise.mp3'),
  );
  await fs.writeFile(
    path.join(dir, 'mixed/tracks.json'),
    JSON.stringify([
      { title: 'Static Noise', tags: 'noise', audio: 'noise.mp3' },
      { title: 'Quiet Words', tags: 'folk', prompt: 'la la', audio: null },
    ]),
  );
});

after(() => fs.rm(dir, { recursive: true, force: true }));

function sleeve(...args: string[]) {
  return sleeveWith({}, args);
}

function sleeveWith(
  env: Record<string, string>,
  args: string[],
  timeout = 240_000,
) {
  return spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout,
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
}

function assertOneLine(run: ReturnType<typeof sleeve>, says: RegExp) {
  assert.equal(run.status, 1, run.stderr);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0]!, /^sleeve: /);
  assert.match(lines[0]!, says);
}

test('render with a file that is not audio, or is empty, says so in one line', () => {
  const out = path.join(dir, 'out');
  assertOneLine(
    sleeve(
      'render',
      '--title',
      'T',
      '--audio',
      path.join(dir, 'random.bin'),
      '--out',
      out,
    ),
    /random\.bin: The file is not in an audio format/,
  );
  assertOneLine(
    sleeve(
      'render',
      '--title',
      'T',
      '--audio',
      path.join(dir, 'empty.mp3'),
      '--out',
      out,
    ),
    /empty\.mp3: The audio file is empty/,
  );
});

test('render --json puts the failure in the error object', () => {
  const run = sleeve(
    'render',
    '--title',
    'T',
    '--audio',
    path.join(dir, 'empty.mp3'),
    '--out',
    path.join(dir, 'out'),
    '--json',
  );
  assert.equal(run.status, 1);
  const { error } = JSON.parse(run.stdout);
  assert.match(error.message, /The audio file is empty/);
  assert.equal(error.exit, 1);
});

test('a folder that cannot be made is named in one line, without hanging', () => {
  // Node's own recursive mkdir loops forever under /proc.
  assertOneLine(
    sleeve('render', '--title', 'T', '--out', '/proc/sleeve-test/covers'),
    /cannot create the folder \/proc\/sleeve-test: .*no folder there/,
  );
  const serve = sleeveWith(
    {
      SLEEVE_DATA_DIR: '/proc/sleeve-test/data',
      SLEEVE_HOST: '127.0.0.1',
      SLEEVE_PORT: '0',
    },
    ['serve'],
    60_000,
  );
  // For serve the folder is the database's: a setting to correct (exit 2).
  assert.equal(serve.status, 2, serve.stderr);
  assert.equal(
    serve.stderr,
    'sleeve: cannot open the database /proc/sleeve-test/data/sleeve.db: ' +
      'cannot create the folder /proc/sleeve-test: the file system allows ' +
      'no folder there\n',
  );
});

test('demo and contact-sheet with a missing or broken tracks.json say so in one line', () => {
  for (const command of ['demo', 'contact-sheet']) {
    const out = path.join(dir, command === 'demo' ? 'demo' : 'sheet.png');
    assertOneLine(
      sleeve(command, '--tracks', path.join(dir, 'missing'), '--out', out),
      /could not read .*missing\/tracks\.json: there is no such file/,
    );
    assertOneLine(
      sleeve(command, '--tracks', path.join(dir, 'broken'), '--out', out),
      /could not read .*broken\/tracks\.json: /,
    );
  }
});

test('demo names a track it cannot cover, goes on with the rest, and exits 1', () => {
  const out = path.join(dir, 'mixed-out');
  const run = sleeve(
    'demo',
    '--tracks',
    path.join(dir, 'mixed'),
    '--out',
    out,
    '--size',
    '256',
    '--json',
  );
  assert.equal(run.status, 1, run.stderr);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  assert.match(run.stderr, /\[1\/2\] Static Noise: failed: .*audio/);
  const summary = JSON.parse(run.stdout);
  assert.deepEqual(
    summary.failed.map((f: { track: number; title: string }) => [
      f.track,
      f.title,
    ]),
    [[1, 'Static Noise']],
  );
  assert.deepEqual(
    summary.tracks.map((t: { title: string }) => t.title),
    ['Quiet Words'],
  );
});

test('a configuration error lists each problem on a line of its own (exit 2)', () => {
  const run = sleeveWith({ SLEEVE_PORT: 'abc', SLEEVE_RETENTION_DAYS: '-1' }, [
    'serve',
  ]);
  assert.equal(run.status, 2, run.stderr);
  assert.doesNotMatch(run.stderr, /\\u000a/);
  const lines = run.stderr.trim().split('\n');
  assert.deepEqual(lines, [
    'sleeve: Invalid configuration:',
    '  SLEEVE_PORT must be a whole number from 0 to 65535, got "abc"',
    '  SLEEVE_RETENTION_DAYS must be a number above 0, got "-1"',
  ]);

  const flag = sleeveWith({ SLEEVE_COVER_COST: '-1' }, [
    'serve',
    '--port',
    '99999',
  ]);
  assert.equal(flag.status, 2, flag.stderr);
  assert.deepEqual(flag.stderr.trim().split('\n'), [
    'sleeve: Invalid configuration:',
    '  --port must be a whole number from 0 to 65535, got "99999"',
    '  SLEEVE_COVER_COST must be 0 or a number from 0.000001 to 1000000000 ' +
      '(credits are counted in millionths), got "-1"',
  ]);

  const split = sleeveWith({ SLEEVE_DATA_DIR: dir }, [
    'serve',
    '--services',
    'api',
  ]);
  assert.equal(split.status, 2, split.stderr);
  assert.match(
    split.stderr,
    /^sleeve: Invalid configuration:\n {2}SLEEVE_PUBLIC_URL is required /,
  );
});

test('words from the command line are still escaped in a failure', () => {
  const run = sleeve('render', '--title', 'T', '--style', 'x\u001b[2J\ny');
  assert.equal(run.status, 2, run.stderr);
  assert.doesNotMatch(run.stderr, /\u001b/);
  assert.match(run.stderr, /unknown style x\\u001b\[2J\\u000ay;/);
  assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
});

test('--variation is refused in the same words by every command (exit 2)', () => {
  const env = { SLEEVE_URL: 'http://127.0.0.1:9', SLEEVE_API_KEY: 'k' };
  for (const command of [
    ['cover', '0'.repeat(32)],
    ['render', '--title', 'T'],
    ['contact-sheet'],
  ]) {
    for (const variation of ['abc', '-1', '1.5', '9007199254740992']) {
      const run = sleeveWith(env, [...command, '--variation', variation]);
      assert.equal(run.status, 2, run.stderr);
      assert.equal(
        run.stderr,
        'sleeve: --variation must be a whole number from 0 up\n',
        `${command[0]} --variation ${variation}`,
      );
    }
  }
});

test('a server that cannot be reached is named, with the reason (exit 3)', async () => {
  const url = `http://127.0.0.1:${await closedPort()}`;
  const run = sleeveWith({ SLEEVE_URL: url, SLEEVE_API_KEY: 'k' }, [
    'cover',
    '0'.repeat(32),
  ]);
  assert.equal(run.status, 3, run.stderr);
  assert.equal(
    run.stderr,
    `sleeve: could not reach the server at ${url}: connection refused ` +
      '(ECONNREFUSED) [POST /api/v1/suno/cover/generate]\n',
  );
});

test('a key the SDK refuses is a usage error in one line (exit 2)', () => {
  for (const key of ['two words', 'slv_€€']) {
    const run = sleeveWith(
      { SLEEVE_URL: 'http://127.0.0.1:9', SLEEVE_API_KEY: key },
      ['cover', '0'.repeat(32)],
    );
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /^sleeve: SleeveClient: apiKey must be /);
    assert.doesNotMatch(run.stderr, /\n\s+at |two words|€/);
  }
});

test('a server URL with a password or a query is a usage error that never shows the password (exit 2)', async () => {
  const port = await closedPort();
  const cases = [
    [
      `http://user:SECRETPW@127.0.0.1:${port}`,
      /baseUrl must not contain a user name or password/,
    ],
    [
      `ftp://user:SECRETPW@127.0.0.1:${port}`,
      /not a server URL: ftp:\/\/127\.0\.0\.1/,
    ],
    [`http://127.0.0.1:${port}?x=1#f`, /baseUrl must not have a query/],
  ] as const;
  for (const [url, says] of cases) {
    for (const json of [[], ['--json']]) {
      const run = sleeve('cover', 'abc', '--url', url, '--key', 'k', ...json);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, says);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.doesNotMatch(run.stdout + run.stderr, /SECRETPW/);
    }
  }
  const unknown = sleeve('http://user:SECRETPW@127.0.0.1', '--json');
  assert.equal(unknown.status, 2, unknown.stderr);
  assert.doesNotMatch(unknown.stdout + unknown.stderr, /SECRETPW/);
});

test('serve on a port in use says so in one line (exit 2)', async (t) => {
  const busy = net.createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    busy.close();
  });
  const { port } = busy.address() as net.AddressInfo;
  const run = sleeveWith(
    { SLEEVE_DATA_DIR: path.join(dir, 'serve-busy'), SLEEVE_HOST: '127.0.0.1' },
    ['serve', '--port', String(port)],
    60_000,
  );
  assert.equal(run.status, 2, run.stderr);
  assert.equal(
    run.stderr,
    `sleeve: port ${port} on 127.0.0.1 is already in use; ` +
      'set SLEEVE_PORT or --port\n',
  );
});

test('serve names the part that will not open, in one line, without passwords', async () => {
  const base = { SLEEVE_HOST: '127.0.0.1', SLEEVE_PORT: '0' };
  const redisPort = await closedPort();
  const redis = sleeveWith(
    {
      ...base,
      SLEEVE_DATA_DIR: path.join(dir, 'serve-redis'),
      SLEEVE_REDIS_URL: `redis://:redis-secret@127.0.0.1:${redisPort}`,
    },
    ['serve'],
    60_000,
  );
  assert.equal(redis.status, 3, redis.stderr);
  const failure = redis.stderr.trim().split('\n').pop() ?? '';
  assert.equal(
    failure,
    `sleeve: cannot open the rate limit store (Redis at redis://127.0.0.1:${redisPort}): ` +
      'connection refused (ECONNREFUSED)',
  );
  assert.doesNotMatch(redis.stderr, /redis-secret|\n\s+at /);

  // A database that does not exist: nothing is made anywhere.
  const db = `sleeve_missing_${randomBytes(4).toString('hex')}`;
  const url = `postgres://postgres:pg-secret@127.0.0.1:5432/${db}`;
  const postgres = sleeveWith({ ...base, SLEEVE_DATABASE_URL: url }, ['serve']);
  assert.equal(postgres.status, 2, postgres.stderr);
  assert.equal(
    postgres.stderr,
    `sleeve: cannot open the database postgres://postgres@127.0.0.1:5432/${db}: ` +
      `database "${db}" does not exist\n`,
  );
});
