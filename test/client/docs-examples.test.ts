import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import {
  REPO_ROOT,
  startSleeve,
  WEBHOOK_KEY,
  type TestSleeve,
} from '../support/sleeve-server.js';

const run = promisify(execFile);
const SDK_DOC = path.join(REPO_ROOT, 'docs/sdk.md');
const SDK_SOURCE = pathToFileURL(path.join(REPO_ROOT, 'src/client/index.ts'));

let server: TestSleeve;
let folder: string;

before(async () => {
  server = await startSleeve({ SLEEVE_WEBHOOK_KEY: WEBHOOK_KEY });
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'sleeve-sdk-docs-'));
});
after(async () => {
  await server?.close();
  await fs.rm(folder, { recursive: true, force: true });
});

/** The code blocks of docs/sdk.md that are marked to run. */
async function runnableExamples(): Promise<string[]> {
  const text = await fs.readFile(SDK_DOC, 'utf8');
  const blocks = text.split('<!-- runs -->').slice(1);
  return blocks.map((block) => {
    const code = /```js\n([\s\S]*?)```/.exec(block)?.[1];
    assert.ok(code, 'a marked example has a js block');
    return code;
  });
}

test(
  'every runnable example in docs/sdk.md runs against a real server',
  { timeout: 180_000 },
  async () => {
    const examples = await runnableExamples();
    assert.ok(examples.length >= 4, `${examples.length} examples`);
    for (const [index, code] of examples.entries()) {
      // The package name resolves to the source, as it would to dist.
      const file = path.join(folder, `example-${index}.mjs`);
      await fs.writeFile(
        file,
        code.replaceAll(`'sleeve/client'`, `'${SDK_SOURCE.href}'`),
      );
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', file],
        {
          cwd: REPO_ROOT,
          timeout: 120_000,
          env: {
            PATH: process.env['PATH'] ?? '',
            // One with the bare host, the others with /api/v1.
            SLEEVE_URL: index === 0 ? server.url : `${server.url}/api/v1`,
            SLEEVE_API_KEY: await server.createKey(10),
            SLEEVE_WEBHOOK_KEY: WEBHOOK_KEY,
          },
        },
      );
      assert.ok(
        stdout.trim().length > 0,
        `example ${index} printed its result`,
      );
      assert.doesNotMatch(stdout, /undefined/, `example ${index}: ${stdout}`);
      if (index === 0) assert.match(stdout, /\.png/);
      if (index === 1) assert.match(stdout, /^400 /m);
      if (index === 3) assert.match(stdout, /^images: /m);
    }
  },
);
