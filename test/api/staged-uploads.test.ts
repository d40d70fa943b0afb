import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { postMusicForm, removeDir } from '../support/api-helpers.js';
import { makeDataDir, startSleeve } from '../support/sleeve-server.js';
import { SHARED_TRACKS } from '../support/tracks.js';

/** Every file under a folder, with its bytes. */
async function filesIn(dir: string): Promise<Map<string, Buffer>> {
  const names = await fs.readdir(dir, { recursive: true });
  const files = new Map<string, Buffer>();
  for (const name of names.map(String)) {
    const file = path.join(dir, name);
    if ((await fs.stat(file)).isFile())
      files.set(name, await fs.readFile(file));
  }
  return files;
}

test('an upload is stored byte for byte, and its staged file is gone', async (t) => {
  const server = await startSleeve();
  t.after(() => server.close());
  const bytes = await fs.readFile(path.join(SHARED_TRACKS, 'audio/nebula.ogg'));
  const answer = await postMusicForm(
    server,
    server.adminKey,
    { title: 'Staged' },
    { bytes, name: 'nebula.ogg' },
  );
  assert.equal(answer.body.code, 200, JSON.stringify(answer.body));
  const stored = [...(await filesIn(server.dataDir)).entries()].filter(
    ([name]) => name.endsWith('.ogg'),
  );
  assert.equal(stored.length, 1, 'one audio object');
  assert.deepEqual(stored[0]![1], bytes);
  assert.deepEqual(await fs.readdir(path.join(server.dataDir, 'incoming')), []);
});

test('a start removes the uploads a killed process left, and keeps young ones', async (t) => {
  const dataDir = await makeDataDir();
  t.after(() => removeDir(dataDir));
  const incoming = path.join(dataDir, 'incoming');
  await fs.mkdir(incoming);
  const old = path.join(incoming, 'a1.upload');
  const young = path.join(incoming, 'b2.upload');
  const other = path.join(incoming, 'notes.txt');
  for (const file of [old, young, other]) await fs.writeFile(file, 'x');
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  await fs.utimes(old, twoHoursAgo, twoHoursAgo);
  await fs.utimes(other, twoHoursAgo, twoHoursAgo);

  const server = await startSleeve({}, { dataDir });
  t.after(() => server.close());
  assert.deepEqual((await fs.readdir(incoming)).sort(), [
    'b2.upload',
    'notes.txt',
  ]);
});
