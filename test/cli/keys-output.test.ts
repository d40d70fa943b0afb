import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  makeDataDir,
  REPO_ROOT,
  startSleeve,
} from '../support/sleeve-server.js';

let dataDir: string;
const FORGED = 'evil\u001b[2J\nkey_fake  slv_fake…  999 credits  admin\u202e';

before(async () => {
  dataDir = await makeDataDir();
  // A name stored before names were checked (or by another tool): the
  // CLI must still print it harmlessly.
  const server = await startSleeve({}, { dataDir });
  await server.sleeve.stores.apiKeys.insert({
    id: 'key_00000000000000aa',
    name: FORGED,
    keyHash: 'a'.repeat(64),
    prefix: 'slv_AAAA',
    isAdmin: false,
    creditsMicro: 5_000_000,
    createdAt: Date.now(),
  });
  await server.close();
});

after(() => fs.rm(dataDir, { recursive: true, force: true }));

function sleeve(...args: string[]) {
  return spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(REPO_ROOT, 'src/cli/main.ts'),
      ...args,
      '--data-dir',
      dataDir,
    ],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '' },
    },
  );
}

test('keys list shows control characters in names as escapes, one key a line', () => {
  const run = sleeve('keys', 'list');
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stdout, /[\u001b\u202e]/);
  // The database line, the admin key from startSleeve, the forged name.
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines.length, 3, run.stdout);
  assert.match(lines[0]!, /^database: /);
  const forged = lines.find((line) => line.startsWith('key_00000000000000aa'));
  assert.ok(forged, run.stdout);
  assert.ok(
    forged.endsWith(
      'evil\\u001b[2J\\u000akey_fake  slv_fake…  999 credits  admin\\u202e',
    ),
    forged,
  );
});

test('keys list --json keeps the name exactly', () => {
  const run = sleeve('keys', 'list', '--json');
  assert.equal(run.status, 0, run.stderr);
  const list = JSON.parse(run.stdout) as { id: string; name: string }[];
  const forged = list.find((key) => key.id === 'key_00000000000000aa');
  assert.equal(forged?.name, FORGED);
});

test('keys create refuses a name with control characters (exit 2)', () => {
  const run = sleeve('keys', 'create', '--name', 'two\nlines');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--name must not contain control characters/);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
});

test('keys create refuses an empty or too long name as the API does, creating nothing', () => {
  const keysBefore = sleeve('keys', 'list', '--json').stdout;
  const empty = sleeve('keys', 'create', '--name', '', '--json');
  assert.equal(empty.status, 2, empty.stderr);
  assert.deepEqual(JSON.parse(empty.stdout), {
    error: { message: '--name must not be empty.', exit: 2 },
  });
  const long = sleeve('keys', 'create', '--name', '😀'.repeat(101));
  assert.equal(long.status, 2, long.stderr);
  assert.match(
    long.stderr,
    /^sleeve: --name must be at most 100 characters long\.$/m,
  );
  assert.equal(sleeve('keys', 'list', '--json').stdout, keysBefore);

  const longest = sleeve('keys', 'create', '--name', '😀'.repeat(100));
  assert.equal(longest.status, 0, 'characters are counted, not UTF-16 units');
});

test('keys create refuses a name of only spaces or invisible characters, creating nothing', () => {
  const keysBefore = sleeve('keys', 'list', '--json').stdout;
  for (const name of ['   ', '\u200b']) {
    const run = sleeve('keys', 'create', '--name', name);
    assert.equal(run.status, 2, run.stderr);
    assert.match(
      run.stderr,
      /^sleeve: --name must show something: not only spaces or invisible characters\.$/m,
    );
  }
  assert.equal(sleeve('keys', 'list', '--json').stdout, keysBefore);
});

test('keys credits refuses to take a balance below 0, and keeps it', () => {
  const refused = sleeve('keys', 'credits', 'key_00000000000000aa', '-2000000');
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /below 0; it has 5\./);
  assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
  const all = sleeve('keys', 'credits', 'key_00000000000000aa', '-5', '--json');
  assert.equal(all.status, 0, all.stderr);
  assert.equal(JSON.parse(all.stdout).credits, 0);
});
