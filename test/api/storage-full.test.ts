import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { LocalObjectStore } from '../../src/objects/local-object-store.js';
import {
  captureLogs,
  importRecord,
  postMusicForm,
  requestCover,
  waitForCover,
} from '../support/api-helpers.js';
import { makeDataDir, startSleeve } from '../support/sleeve-server.js';
import { SHARED_TRACKS } from '../support/tracks.js';

/** The error a write meets on a full disk, as Node reports it. */
function diskFull(code = 'ENOSPC'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: no space left on device, write`), {
    code,
    errno: -28,
    syscall: 'write',
  });
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true });
  return entries.map(String);
}

test('a put that fails part-way leaves no temp file behind', async (t) => {
  const root = await makeDataDir();
  t.after(() => fs.rm(root, { recursive: true, force: true }));
  // Writes half the bytes, then finds the disk full, as a real write does.
  const store = new LocalObjectStore(root, {
    async writeFile(file, bytes) {
      await fs.writeFile(file, bytes.subarray(0, bytes.length / 2));
      throw diskFull();
    },
    rename: fs.rename,
  });
  await assert.rejects(store.put('ab12.png', Buffer.alloc(4096, 7)), {
    code: 'ENOSPC',
  });
  const left = await filesUnder(root);
  assert.deepEqual(
    left.filter((name) => name.endsWith('.tmp')),
    [],
    `left: ${left.join(', ')}`,
  );
  assert.equal(await store.get('ab12.png'), undefined);
});

test('a rename that fails leaves no temp file behind either', async (t) => {
  const root = await makeDataDir();
  t.after(() => fs.rm(root, { recursive: true, force: true }));
  const store = new LocalObjectStore(root, {
    writeFile: (file, bytes) => fs.writeFile(file, bytes),
    rename: async () => {
      throw diskFull('EROFS');
    },
  });
  await assert.rejects(store.put('cd34.png', Buffer.alloc(64)), {
    code: 'EROFS',
  });
  const left = await filesUnder(root);
  assert.equal(left.filter((name) => name.endsWith('.tmp')).length, 0);
});

test('putFile copies, never half, when the file is on another file system', async (t) => {
  const root = await makeDataDir();
  t.after(() => fs.rm(root, { recursive: true, force: true }));
  const renames: string[] = [];
  const store = new LocalObjectStore(root, {
    writeFile: (file, bytes) => fs.writeFile(file, bytes),
    rename: async (from, to) => {
      renames.push(from);
      if (renames.length === 1) {
        throw Object.assign(new Error('EXDEV: cross-device link'), {
          code: 'EXDEV',
          syscall: 'rename',
        });
      }
      await fs.rename(from, to);
    },
  });
  const upload = path.join(root, 'elsewhere.upload');
  const bytes = Buffer.alloc(200_000, 3);
  await fs.writeFile(upload, bytes);
  await store.putFile('ef56.wav', upload);
  assert.deepEqual(await store.get('ef56.wav'), bytes);
  assert.equal(renames.length, 2, 'a copy beside the target, then a rename');
  assert.match(renames[1]!, /\.tmp$/);
});

test('a full disk is answered in plain words and logged once, without a stack', async (t) => {
  const logs = captureLogs('info');
  const server = await startSleeve({}, { logger: logs.logger });
  t.after(() => server.close());
  const objects = server.sleeve.backends.objects;
  objects.putFile = async () => {
    throw diskFull();
  };
  const audio = await fs.readFile(path.join(SHARED_TRACKS, 'audio/jungle.wav'));
  const upload = await postMusicForm(
    server,
    server.adminKey,
    { title: 'Full' },
    { bytes: audio, name: 'jungle.wav' },
  );
  assert.deepEqual(upload.body, {
    code: 500,
    msg: "The server's storage is full; try again later.",
    data: null,
  });
  assert.deepEqual(await filesUnder(path.join(server.dataDir, 'incoming')), []);

  const musicTasks = server.sleeve.stores.musicTasks;
  musicTasks.insertIfAbsent = async () => {
    throw Object.assign(new Error('database or disk is full'), {
      code: 'SQLITE_FULL',
    });
  };
  const create = await server.api('POST', '/api/v1/sleeve/music', {
    title: 'Full too',
  });
  assert.equal(create.body.code, 500);
  assert.equal(
    create.body.msg,
    "The server's storage is full; try again later.",
  );

  // PostgreSQL says the same with its own code.
  musicTasks.insertIfAbsent = async () => {
    throw Object.assign(new Error('could not extend file'), { code: '53100' });
  };
  const onPostgres = await server.api('POST', '/api/v1/sleeve/music', {
    title: 'Full on Postgres',
  });
  assert.equal(
    onPostgres.body.msg,
    "The server's storage is full; try again later.",
  );

  const errors = logs.lines().filter((line) => line['level'] === 50);
  assert.deepEqual(
    errors.map((line) => [line['msg'], line['code']]),
    [
      ['storage full: no space left on device', 'ENOSPC'],
      ['storage full: the database cannot grow', 'SQLITE_FULL'],
      ['storage full: the database server is out of disk', '53100'],
    ],
  );
  assert.ok(
    errors.every((line) => line['err'] === undefined),
    'no stacks',
  );
});

test('a cover whose images cannot be stored fails in plain words, logged once without a stack', async (t) => {
  const logs = captureLogs('info');
  const server = await startSleeve({}, { logger: logs.logger });
  t.after(() => server.close());
  const parent = await importRecord(server, server.adminKey);
  server.sleeve.backends.objects.put = async () => {
    throw diskFull();
  };
  const started = await requestCover(server, server.adminKey, parent);
  assert.equal(started.body.code, 200, JSON.stringify(started.body));
  const task = await waitForCover(
    server,
    server.adminKey,
    started.body.data.taskId,
  );
  assert.equal(task['successFlag'], 3);
  assert.equal(
    task['errorMessage'],
    "The server's storage is full; try again later.",
  );
  const errors = logs.lines().filter((line) => line['level'] === 50);
  assert.deepEqual(
    errors.map((line) => [line['msg'], line['code']]),
    [['storage full: no space left on device', 'ENOSPC']],
  );
  assert.equal(errors[0]?.['err'], undefined, 'no stack');
});
