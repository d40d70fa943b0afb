import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';
import { loadSharedTracks } from '../support/tracks.js';

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
    ['/gallery/scripts.css', /^text\/css/],
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

/** The code point ranges of every @font-face rule of one family. */
function rangesOf(css: string, family: string): [number, number][] {
  const rules = css.split('@font-face').filter((r) => r.includes(family));
  return rules.flatMap((rule) =>
    [
      ...(/unicode-range: ([^;]+);/.exec(rule)?.[1] ?? '').matchAll(
        /U\+([0-9A-F]+)(?:-([0-9A-F]+))?/g,
      ),
    ].map(([, from, to]): [number, number] => [
      Number.parseInt(from ?? '', 16),
      Number.parseInt(to ?? from ?? '', 16),
    ]),
  );
}

test('the engine’s script faces are lent to the page for every shared title', async () => {
  const css = await (await get('/gallery/scripts.css')).text();
  const urls = [...css.matchAll(/url\('([^']+)'\)/g)].map((m) => m[1] ?? '');
  assert.ok(urls.length >= 40, `${urls.length} faces`);
  for (const url of new Set(urls)) {
    const response = await get(url);
    assert.equal(response.status, 200, url);
    assert.match(response.headers.get('content-type') ?? '', /^font\/ttf/);
    const head = Buffer.from(await response.arrayBuffer()).subarray(0, 4);
    assert.equal(head.toString('hex'), '00010000', `${url} is a TrueType file`);
  }

  const covered = [
    ...rangesOf(css, "'Sleeve Scripts'"),
    ...rangesOf(css, "'Sleeve Emoji'"),
  ];
  const inRange = (c: number) => covered.some(([a, b]) => c >= a && c <= b);
  for (const { title } of loadSharedTracks()) {
    for (const char of title) {
      const code = char.codePointAt(0) ?? 0;
      // Latin, Greek and Cyrillic are the UI face's own.
      if (code < 0x530 || /\p{Script=Common}/u.test(char)) continue;
      assert.ok(inRange(code), `${title}: U+${code.toString(16)} has no face`);
    }
    for (const emoji of title.match(/\p{Extended_Pictographic}/gu) ?? []) {
      assert.ok(inRange(emoji.codePointAt(0) ?? 0), `${title}: ${emoji}`);
    }
  }
});
