import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { makeDataDir, REPO_ROOT } from '../support/sleeve-server.js';

/** `sleeve render` takes a title by the API's rule. */

let out: string;

before(async () => {
  out = await makeDataDir();
});
after(() => fs.rm(out, { recursive: true, force: true }));

function render(...args: string[]) {
  return spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(REPO_ROOT, 'src/cli/main.ts'),
      'render',
      '--size',
      '64',
      '--out',
      out,
      ...args,
    ],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
}

test('a title of only spaces or invisible characters is refused as the API refuses it (exit 2)', async () => {
  for (const title of ['   ', '\u200b\ufeff']) {
    const run = render('--title', title, '--all-styles');
    assert.equal(run.status, 2, run.stderr);
    assert.equal(
      run.stderr,
      'sleeve: title is required: the name of the track.\n',
    );
  }
  assert.deepEqual(await fs.readdir(out), [], 'no cover drawn');
});
