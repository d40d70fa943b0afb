import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { coverFileName, slug } from '../../src/cli/commands/render.js';
import { STYLES } from '../../src/engine/index.js';
import { makeDataDir, REPO_ROOT } from '../support/sleeve-server.js';

describe('sleeve render file names', () => {
  it('keeps the combining marks that words in many scripts are made of', () => {
    assert.equal(slug('សួស្តី ពិភពលោក'), 'សួស្តី-ពិភពលោក');
    assert.equal(slug('नमस्ते दुनिया'), 'नमस्ते-दुनिया');
    assert.equal(slug('สวัสดีครับ'), 'สวัสดีครับ');
    assert.equal(slug('Café del Mar'), 'café-del-mar');
  });

  it('drops what a file name should not hold', () => {
    assert.equal(slug('a/b\\c:d*e?"f<g>|h'), 'abcdefgh');
    assert.equal(slug('../../etc/passwd'), 'etcpasswd');
    assert.equal(slug('🥞🥞'), 'cover');
    assert.equal(slug('   '), 'cover');
  });

  it('cuts long titles at a whole character, within the bytes of a file name', () => {
    const clusters = (text: string) =>
      [...new Intl.Segmenter().segment(text)].map((part) => part.segment);
    const latin = slug('abcdefghij'.repeat(10));
    assert.equal(latin.length, 48);
    const title = 'ក្ករ'.repeat(60);
    const name = slug(title);
    assert.ok(
      Buffer.byteLength(name) <= 150,
      `${Buffer.byteLength(name)} bytes`,
    );
    assert.ok(clusters(name).length > 10);
    assert.deepEqual(
      clusters(name),
      clusters(title).slice(0, clusters(name).length),
    );
  });

  it('gives marks no letter to sit on, and piles of marks, no room', () => {
    // A tester's title: 300 characters, 290 of them combining accents.
    const zalgo = slug(('a' + '\u0301'.repeat(30)).repeat(10));
    assert.ok(Buffer.byteLength(zalgo) <= 150);
    // NFKC joins the first accent to its letter; four more stay.
    assert.equal(zalgo, ('\u00e1' + '\u0301'.repeat(4)).repeat(10));
    assert.equal(slug('👨‍👩‍👧‍👦🏳️‍🌈🇯🇵'), 'cover', 'no lone variation selector');
    assert.equal(slug('\u0301\u0301 Song'), 'song');
  });

  it('joins words with single hyphens and none at the ends', () => {
    assert.equal(slug('  Night  -  Drive  '), 'night-drive');
    assert.equal(slug('— Intro —'), 'intro');
    assert.equal(slug('मैं वहाँ रहता हूँ ' + 'x'.repeat(60)).endsWith('-'), false);
  });
});

describe('sleeve render file names per variation', () => {
  it('keeps variation 0 as it was and names the others', () => {
    assert.equal(
      coverFileName('Night Drive', 'aura', 0, 'png'),
      'night-drive-aura.png',
    );
    assert.equal(
      coverFileName('Night Drive', 'aura', 3, 'jpeg'),
      'night-drive-aura-v3.jpg',
    );
  });

  it('stays within the 255 bytes of a file name at its longest', () => {
    const longestStyle = STYLES.map((s) => s.id).sort(
      (a, b) => b.length - a.length,
    )[0]!;
    const name = coverFileName(
      'ក្ករ'.repeat(60),
      longestStyle,
      Number.MAX_SAFE_INTEGER,
      'webp',
    );
    assert.ok(
      Buffer.byteLength(name) <= 255,
      `${Buffer.byteLength(name)} bytes`,
    );
  });

  it('writes one variation beside another instead of over it', async (t) => {
    const out = await makeDataDir();
    t.after(() => fs.rm(out, { recursive: true, force: true }));
    for (const variation of ['0', '3']) {
      const run = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(REPO_ROOT, 'src/cli/main.ts'),
          'render',
          '--title',
          'Night Drive',
          '--style',
          'aura',
          '--size',
          '64',
          '--variation',
          variation,
          '--out',
          out,
        ],
        { cwd: REPO_ROOT, encoding: 'utf8' },
      );
      assert.equal(run.status, 0, run.stderr);
    }
    assert.deepEqual((await fs.readdir(out)).sort(), [
      'night-drive-aura-v3.png',
      'night-drive-aura.png',
    ]);
  });
});
