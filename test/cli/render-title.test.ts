import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { makeDataDir, REPO_ROOT } from '../support/sleeve-server.js';
import { SHARED_TRACKS } from '../support/tracks.js';

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

test('with --audio and no --title, the title is the file name without its extension', async (t) => {
  const folder = path.join(out, 'from-audio');
  t.after(() => fs.rm(folder, { recursive: true, force: true }));
  const audio = path.join(SHARED_TRACKS, 'audio/nebula.ogg');
  const run = render('--audio', audio, '--style', 'mono', '--out', folder);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(await fs.readdir(folder), ['nebula-mono.png']);
});

test('with neither --title nor --audio, it says what to give (exit 2)', () => {
  for (const json of [[], ['--json']]) {
    const run = render(...json);
    assert.equal(run.status, 2, run.stderr);
    const message =
      'required option --title not specified: give --title, or --audio ' +
      "to take the title from the audio file's name";
    if (json.length > 0) {
      assert.equal(JSON.parse(run.stdout).error.message, message);
    } else {
      assert.equal(run.stderr, `sleeve: ${message}\n`);
    }
  }
});
