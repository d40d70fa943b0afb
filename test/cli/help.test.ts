import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/sleeve-server.js';

const COMMANDS = [
  [],
  ['serve'],
  ['keys'],
  ['keys', 'create'],
  ['keys', 'list'],
  ['keys', 'revoke'],
  ['keys', 'credits'],
  ['maintenance'],
  ['music'],
  ['music', 'import'],
  ['music', 'add'],
  ['cover'],
  ['render'],
  ['demo'],
  ['contact-sheet'],
  ['migrate'],
];

test('every command has --help with examples, and exits 0', () => {
  for (const command of COMMANDS) {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(REPO_ROOT, 'src/cli/main.ts'),
        ...command,
        '--help',
      ],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    assert.equal(run.status, 0, command.join(' '));
    assert.match(
      run.stdout,
      /Examples:\n  sleeve /,
      command.join(' ') || '(top)',
    );
  }
});

test('an unknown command or option is a usage error (exit 2)', () => {
  for (const args of [['nonsense'], ['render', '--no-such-flag']]) {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/main.ts'), ...args],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      },
    );
    assert.equal(run.status, 2, args.join(' '));
  }
});

test('with --json anywhere, a usage error is the JSON failure on stdout (exit 2)', () => {
  for (const args of [
    ['render', '--json'],
    ['cover', '--json'],
    ['bogus', '--json'],
    ['--json', 'render', '--title', 'T', '--no-such-flag'],
    ['keys', 'create', '--json', '--credits', 'x'],
  ]) {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/main.ts'), ...args],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    assert.equal(run.status, 2, args.join(' '));
    const { error } = JSON.parse(run.stdout);
    assert.equal(error.exit, 2, args.join(' '));
    assert.match(
      error.message,
      /^(required option|missing required argument|unknown command|unknown option)/,
      args.join(' '),
    );
    assert.doesNotMatch(run.stderr, /Usage:/, 'no help text for a script');
  }
});

function sleeve(...args: string[]) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/main.ts'), ...args],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
}

test('a command that has commands takes --json, and names what it needs (exit 2)', () => {
  const cases = [
    [
      ['--json'],
      'sleeve needs a command (serve, keys, maintenance, music, cover, render, demo, contact-sheet, migrate); see sleeve --help',
    ],
    [
      ['keys', '--json'],
      'sleeve keys needs a command (create, list, revoke, credits); see sleeve keys --help',
    ],
    [
      ['--json', 'keys'],
      'sleeve keys needs a command (create, list, revoke, credits); see sleeve keys --help',
    ],
    [
      ['music', '--json'],
      'sleeve music needs a command (import, add); see sleeve music --help',
    ],
  ] as const;
  for (const [args, message] of cases) {
    const run = sleeve(...args);
    assert.equal(run.status, 2, args.join(' '));
    assert.deepEqual(JSON.parse(run.stdout), {
      error: { message, exit: 2 },
    });
    assert.equal(run.stderr, `sleeve: ${message}\n`, 'one line for people');
  }
});

test('under --json a usage failure is one line on stderr, whoever found it', () => {
  for (const args of [
    ['render', '--json', '--no-such-flag'],
    ['--json', 'render', '--title', 'T', '--no-such-flag'],
  ]) {
    const run = sleeve(...args);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, "sleeve: unknown option '--no-such-flag'\n");
  }
});

test('--json before the command is the same as after it', async (t) => {
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'sleeve-help-'));
  t.after(() => fs.rm(out, { recursive: true, force: true }));
  const run = sleeve(
    '--json',
    'render',
    '--title',
    'Night Drive',
    '--style',
    'mono',
    '--size',
    '64',
    '--out',
    out,
  );
  assert.equal(run.status, 0, run.stderr);
  const { files } = JSON.parse(run.stdout);
  assert.deepEqual(
    files.map((f: { style: string }) => f.style),
    ['mono'],
  );
});

test('help piped into a reader that stops early (| head) ends quietly, exit 0', async () => {
  const run = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/main.ts'), '--help'],
    { cwd: REPO_ROOT },
  );
  let stderr = '';
  run.stderr.on('data', (chunk) => (stderr += chunk));
  // Read nothing: the pipe is closed before the help is written.
  run.stdout.destroy();
  const [code] = await once(run, 'exit');
  assert.equal(code, 0, stderr);
  assert.equal(stderr, '');
});
