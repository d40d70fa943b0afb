import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeFolder, makeFolderSync } from '../../src/util/make-folder.js';
import { makeDataDir } from '../support/sleeve-server.js';

let dir: string;
before(async () => (dir = await makeDataDir()));
after(() => fs.rm(dir, { recursive: true, force: true }));

const isFolder = async (p: string) => (await fs.stat(p)).isDirectory();

for (const [name, make] of [
  ['makeFolder', makeFolder],
  ['makeFolderSync', async (p: string) => makeFolderSync(p)],
] as const) {
  describe(name, () => {
    it('creates every missing level, and is content when they exist', async () => {
      const deep = path.join(dir, name, 'a', 'b', 'c');
      await make(deep);
      assert.ok(await isFolder(deep));
      await make(deep);
      await make(path.join(dir, name));
      assert.ok(await isFolder(deep));
    });

    it('refuses a place where the system allows no folder, at once', async () => {
      // Node's { recursive: true } spins forever on this very path.
      await assert.rejects(make('/proc/sleeve-test/covers'), (error: Error) => {
        assert.match(error.message, /\/proc\/sleeve-test: .*no folder there/);
        assert.equal((error as NodeJS.ErrnoException).code, 'ENOENT');
        assert.equal((error as NodeJS.ErrnoException).syscall, 'mkdir');
        return true;
      });
    });

    it('says when a file is in the way', async () => {
      const file = path.join(dir, `${name}.txt`);
      await fs.writeFile(file, 'x');
      await assert.rejects(
        make(path.join(file, 'covers')),
        /covers: a file is in the way/,
      );
    });
  });
}

it('lets many callers make the same new folder at once', async () => {
  const target = path.join(dir, 'together', 'x');
  await Promise.all(Array.from({ length: 16 }, () => makeFolder(target)));
  assert.ok(await isFolder(target));
});
