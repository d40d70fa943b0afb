import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
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
