import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import {
  makeDataDir,
  REPO_ROOT,
  startSleeve,
  type TestSleeve,
} from '../support/sleeve-server.js';
import {
  decodeImage,
  readSharedRecord,
  SHARED_TRACKS,
} from '../support/tracks.js';

const run = promisify(execFile);
let server: TestSleeve;

before(async () => {
  server = await startSleeve();
});
after(() => server.close());

async function sleeve(...args: string[]) {
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(REPO_ROOT, 'src/cli/main.ts'),
      ...args,
      '--url',
      server.url,
      '--key',
      server.adminKey,
      '--json',
    ],
    { cwd: REPO_ROOT, env: { PATH: process.env['PATH'] ?? '' } },
  );
  return JSON.parse(stdout);
}

test('the whole flow from the command line: add music with audio, cover, save', async () => {
  const audio = path.join(SHARED_TRACKS, 'audio/jungle.wav');
  const music = await sleeve(
    'music',
    'add',
    '--title',
    'Jungle',
    '--tags',
    'tribal percussion',
    '--audio',
    audio,
  );
  assert.match(music.taskId, /^[0-9a-f]{32}$/);

  const out = await makeDataDir();
  const done = await sleeve(
    'cover',
    music.taskId,
    '--wait',
    '--poll',
    '0.2',
    '--out',
    out,
  );
  assert.equal(done.successFlag, 1);
  assert.equal(done.files.length, 2);
  for (const file of done.files) {
    const image = await decodeImage(await fs.readFile(file));
    assert.equal(image.width, 512);
  }

  // Asking again with --wait follows the existing cover, and says so.
  const again = await sleeve('cover', music.taskId, '--wait', '--poll', '0.2');
  assert.equal(again.taskId, done.taskId);
  assert.equal(again.successFlag, 1);

  // Without --wait, a duplicate is a failure that names the existing task.
  const duplicate = await sleeveFailing('cover', music.taskId, '--json');
  assert.equal(duplicate.code, 1);
  assert.deepEqual(JSON.parse(duplicate.stdout), {
    error: {
      message:
        `This music task already has a cover: task ${done.taskId}. ` +
        '--wait follows that task; --variation asks for another pair.',
      exit: 1,
      code: 400,
      existingTaskId: done.taskId,
    },
  });
  const plain = await sleeveFailing('cover', music.taskId);
  assert.equal(plain.code, 1);
  assert.match(
    plain.stderr,
    new RegExp(`already has a cover: task ${done.taskId}\\.`),
  );
});

/** Runs a command that is to fail; answers its exit code and output. */
async function sleeveFailing(...args: string[]) {
  const failure = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(REPO_ROOT, 'src/cli/main.ts'),
      ...args,
      '--url',
      server.url,
      '--key',
      server.adminKey,
    ],
    { cwd: REPO_ROOT, env: { PATH: process.env['PATH'] ?? '' } },
  ).then(
    () => assert.fail(`sleeve ${args.join(' ')} succeeded`),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  return failure;
}

test('music import takes saved records and reports each file', async () => {
  const dir = await makeDataDir();
  const good = path.join(dir, 'good.json');
  const bad = path.join(dir, 'bad.json');
  await fs.writeFile(
    good,
    JSON.stringify(readSharedRecord('success-two-tracks.json')),
  );
  await fs.writeFile(bad, '{"not": "a record"}');
  const result = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(REPO_ROOT, 'src/cli/main.ts'),
      'music',
      'import',
      good,
      bad,
      '--url',
      server.url,
      '--key',
      server.adminKey,
      '--json',
    ],
    { cwd: REPO_ROOT, env: { PATH: process.env['PATH'] ?? '' } },
  ).catch((error: { code: number; stdout: string }) => error);
  assert.equal((result as { code?: number }).code, 1);
  const summary = JSON.parse((result as { stdout: string }).stdout);
  assert.equal(summary.imported.length, 1);
  assert.equal(summary.imported[0].taskId, '5c79e3f1a2b84d0c9e1f7a6b3d2c8e90');
  assert.equal(summary.failed[0].file, bad);
});
