import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/sleeve-server.js';

const CLIENT_DIR = path.join(REPO_ROOT, 'src/client');

test('docs/sdk.md installs the SDK from a clone, not from npm, where it is not', async () => {
  const doc = await fs.readFile(path.join(REPO_ROOT, 'docs/sdk.md'), 'utf8');
  const shell = [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  const commands = shell.join('\n');
  assert.doesNotMatch(commands, /npm install sleeve\b/);
  assert.match(commands, /npm install \/path\/to\/sleeve\n/);
  assert.match(commands, /npm pack/);
  assert.doesNotMatch(doc, /no dependencies/);
});

test('the SDK modules import only each other, as docs/sdk.md says', async () => {
  const files = (await fs.readdir(CLIENT_DIR)).filter((f) => f.endsWith('.ts'));
  let checked = 0;
  for (const file of files) {
    const source = await fs.readFile(path.join(CLIENT_DIR, file), 'utf8');
    for (const [statement, specifier] of source.matchAll(
      /^(?:import|export)[^;]*?from '([^']+)';/gms,
    )) {
      // node:crypto's types only: on Node 18 it is loaded at run time,
      // by a name bundlers do not follow.
      const allowed =
        specifier!.startsWith('./') ||
        (specifier === 'node:crypto' && statement.startsWith('import type'));
      assert.ok(allowed, `${file}: ${statement}`);
      checked += 1;
    }
  }
  assert.ok(checked >= files.length, `${checked} imports seen`);
});
