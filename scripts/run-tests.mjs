// Runs every test file under test/ with Node's test runner through tsx.
// Node 20's --test takes no globs, so the files are listed here. Extra
// arguments narrow the run: `npm test -- test/api` or a file path.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const roots = process.argv.slice(2);
const files = (roots.length ? roots : ['test']).flatMap((root) =>
  fs.statSync(root).isDirectory() ? findTests(root) : [root],
);

function findTests(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return findTests(full);
      return entry.name.endsWith('.test.ts') ? [full] : [];
    })
    .sort();
}

const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    // A hung test fails after 10 minutes instead of holding up the run.
    '--test-timeout=600000',
    '--test-force-exit',
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
