import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';

let server: TestSleeve;

before(async () => {
  server = await startSleeve();
});
after(() => server?.close());

const get = (path: string) => fetch(`${server.url}${path}`);

test('the gallery page is served at / and /gallery with a strict CSP', async () => {
  for (const path of ['/', '/gallery']) {
    const response = await get(path);
    assert.equal(response.status, 200, path);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const policy = response.headers.get('content-security-policy') ?? '';
    assert.match(policy, /script-src 'self'/);
    assert.match(policy, /frame-ancestors 'none'/);
    assert.match(
      await response.text(),
      /<script type="module" src="\/gallery\/app.js">/,
    );
  }
});

test('scripts, styles and fonts come with their types', async () => {
  const expected: [string, RegExp][] = [
    ['/gallery/app.js', /^text\/javascript/],
    ['/gallery/views/detail.js', /^text\/javascript/],
    ['/gallery/styles.css', /^text\/css/],
    ['/gallery/icon.svg', /^image\/svg\+xml/],
    ['/gallery/fonts/inter-400.ttf', /^font\/ttf/],
  ];
  for (const [path, type] of expected) {
    const response = await get(path);
    assert.equal(response.status, 200, path);
    assert.match(response.headers.get('content-type') ?? '', type, path);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.ok((await response.arrayBuffer()).byteLength > 100, path);
  }
});

test('nothing outside the gallery folder is reachable', async () => {
  for (const path of [
    '/gallery/nope.js',
    '/gallery/..%2f..%2fpackage.json',
    '/gallery/%2e%2e/%2e%2e/package.json',
    '/gallery/views/../../http/server.ts',
    '/gallery/fonts/..%2f..%2fpackage.json',
    '/gallery/README.md',
  ]) {
    const response = await get(path);
    assert.equal(response.status, 404, path);
    const body = (await response.json()) as { code: number; msg: string };
    assert.equal(body.code, 404, path);
  }
});
