import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  makeDataDir,
  REPO_ROOT,
  spawnSleeve,
  startFlags,
} from '../support/sleeve-server.js';

describe('how Node is started', () => {
  it('gives `sleeve` the same Node options as `npm start`', async () => {
    const flags = await startFlags();
    assert.ok(flags.length > 0, 'npm start passes Node options');
    const source = await fs.readFile(
      path.join(REPO_ROOT, 'src/cli/main.ts'),
      'utf8',
    );
    const shebang = source.split('\n', 1)[0];
    assert.equal(shebang, `#!/usr/bin/env -S node ${flags.join(' ')}`);
  });

  it('passes options this Node accepts', async () => {
    const flags = await startFlags();
    const seen = execFileSync(
      process.execPath,
      [
        ...flags,
        '-e',
        'process.stdout.write(JSON.stringify(process.execArgv))',
      ],
      { encoding: 'utf8' },
    );
    // An option Node did not know would have ended it with "bad option".
    assert.deepEqual(JSON.parse(seen).slice(0, flags.length), flags);
  });

  it('says in its start line what it did about malloc', async () => {
    for (const [env, outcome] of [
      [{}, 'tuned'],
      [{ MALLOC_ARENA_MAX: '2' }, 'set by the environment'],
    ] as const) {
      const dataDir = await makeDataDir();
      const server = await spawnSleeve({ ...env, SLEEVE_DATA_DIR: dataDir });
      try {
        const started = server
          .output()
          .split('\n')
          .find((line) => line.includes('"msg":"sleeve started"'));
        assert.ok(started, server.output());
        assert.equal(JSON.parse(started).malloc, outcome);
      } finally {
        await server.kill('SIGTERM');
        await fs.rm(dataDir, { recursive: true, force: true });
      }
    }
  });
});
