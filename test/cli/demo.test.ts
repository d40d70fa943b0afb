import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { makeDataDir, REPO_ROOT } from '../support/sleeve-server.js';
import {
  decodeImage,
  loadSharedTracks,
  meanPixelDifference,
  SHARED_TRACKS,
} from '../support/tracks.js';

const CLI = path.join(REPO_ROOT, 'src/cli/main.ts');

function runCli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 240_000,
    env: { PATH: process.env['PATH'] ?? '' },
  });
}

test('sleeve demo covers every shared track through the API', async () => {
  const out = await makeDataDir();
  const run = runCli([
    'demo',
    '--tracks',
    SHARED_TRACKS,
    '--out',
    out,
    '--size',
    '256',
    '--json',
  ]);
  assert.equal(run.status, 0, run.stderr);

  const tracks = loadSharedTracks();
  const summary = JSON.parse(run.stdout) as {
    tracks: { title: string; files: string[]; styles: string[] }[];
  };
  assert.deepEqual(
    summary.tracks.map((t) => t.title),
    tracks.map((t) => t.title),
  );
  for (const track of summary.tracks) {
    assert.equal(track.files.length, 2, track.title);
    assert.equal(new Set(track.styles).size, 2, `${track.title}: two styles`);
    const [first, second] = await Promise.all(
      track.files.map(async (f) =>
        decodeImage(await fs.readFile(path.join(out, f))),
      ),
    );
    assert.ok(first && second);
    assert.equal(first.width, 256);
    assert.ok(
      meanPixelDifference(first, second) > 10,
      `${track.title}: covers differ`,
    );
  }

  const sheet = await decodeImage(
    await fs.readFile(path.join(out, 'contact-sheet.png')),
  );
  assert.ok(sheet.height > tracks.length * 200, 'one row per track');
  const index = await fs.readFile(path.join(out, 'index.html'), 'utf8');
  assert.equal((index.match(/<section>/g) ?? []).length, tracks.length);
});

test('sleeve demo runs on the bundled samples with no folder given', async () => {
  const out = await makeDataDir();
  const run = runCli(['demo', '--out', out, '--size', '256']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /Done: 6 tracks, 12 covers/);
  const sheet = await decodeImage(
    await fs.readFile(path.join(out, 'contact-sheet.png')),
  );
  assert.ok(sheet.width > 256 * 2);
});

test('sleeve render makes the track pair offline and refuses a bad size', async () => {
  const out = await makeDataDir();
  const audio = path.join(SHARED_TRACKS, 'audio/nebula.ogg');
  const run = runCli([
    'render',
    '--title',
    'Nebula',
    '--tags',
    'space ambient',
    '--audio',
    audio,
    '--out',
    out,
    '--size',
    '300',
    '--json',
  ]);
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout) as {
    audio: { bpm: number };
    files: { file: string }[];
  };
  assert.ok(result.audio.bpm >= 60 && result.audio.bpm <= 200);
  assert.equal(result.files.length, 2);
  for (const file of result.files) {
    const image = await decodeImage(await fs.readFile(file.file));
    assert.equal(image.width, 300);
  }

  const bad = runCli([
    'render',
    '--title',
    'X',
    '--size',
    '9000',
    '--out',
    out,
  ]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--size must be/);
});
