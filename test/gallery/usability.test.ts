import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { importRecord, successRecord } from '../support/api-helpers.js';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';
import {
  launchBrowser,
  openPage,
  PHONE,
  saveScreenshot,
  scrollsSideways,
  signIn,
} from './browser.js';
import {
  ADD_FAINT_TEXT,
  CARD_TITLE_LINES,
  FOCUSED,
  LOADED_FACES,
  STORED_KEYS,
  UNLABELLED_CONTROLS,
} from './page-scripts.js';
import { seedTrackWithCover } from './seed.js';

let server: TestSleeve;
let browser: Browser;
let key: string;
let musicId: string;

before(async () => {
  server = await startSleeve();
  browser = await launchBrowser();
  key = await server.createKey(20);
  ({ musicId } = await seedTrackWithCover(server, key));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('a wrong key shows the server’s own words and keeps no key', async () => {
  const { page, context, errors } = await openPage(browser);
  const wrong = 'sk-wrong-key-000000000000000000';
  await page.goto(`${server.url}/`);
  await page.getByLabel('API key').fill(wrong);
  await page.getByRole('button', { name: 'Sign in' }).click();

  const expected = (
    await server.api('GET', '/api/v1/chat/credit', undefined, wrong)
  ).body.msg;
  const alert = page.getByRole('alert');
  await alert.filter({ hasText: expected }).waitFor();
  assert.equal((await alert.textContent())?.trim(), expected);
  assert.ok(!page.url().includes(wrong), 'the key is never in the URL');
  assert.equal(await page.evaluate<number>(STORED_KEYS), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a key with no music sees an empty state that leads to adding some', async () => {
  const { page, context } = await openPage(browser);
  await signIn(page, server.url, await server.createKey(5));
  await page.getByRole('heading', { name: 'No music yet' }).waitFor();
  await page.getByRole('link', { name: 'Add your first track' }).click();
  await page.getByRole('heading', { name: 'Add music' }).waitFor();
  assert.match(page.url(), /#\/new$/);
  await context.close();
});

test(
  'at phone width nothing scrolls sideways',
  { timeout: 60_000 },
  async () => {
    const { page, context } = await openPage(browser, PHONE);
    await page.goto(`${server.url}/`);
    assert.equal(await scrollsSideways(page), false, 'sign-in');
    await signIn(page, server.url, key);
    await page.locator('.card img.cover-art').first().waitFor();
    await saveScreenshot(page, 'phone-library');
    assert.equal(await scrollsSideways(page), false, 'library');

    await page.goto(`${server.url}/#/music/${musicId}`);
    await page.locator('.covers img.cover-art').first().waitFor();
    await page.locator('.stats').waitFor();
    await saveScreenshot(page, 'phone-detail');
    assert.equal(await scrollsSideways(page), false, 'detail');
    const cover = page.locator('.covers img.cover-art').first();
    const width = (await cover.boundingBox())?.width ?? 0;
    assert.ok(width >= 300, `the cover fills the phone's width (${width} px)`);

    await page.goto(`${server.url}/#/new`);
    await page.getByLabel('Title').waitFor();
    assert.equal(await scrollsSideways(page), false, 'add music');
    await page.goto(`${server.url}/docs`);
    await page.locator('.op').first().waitFor();
    assert.equal(await scrollsSideways(page), false, 'docs');
    await context.close();
  },
);

/** Tabs through the page and names every element that took the focus. */
async function tabThrough(page: Page, presses: number) {
  const reached: { name: string; outline: string }[] = [];
  for (let i = 0; i < presses; i += 1) {
    await page.keyboard.press('Tab');
    reached.push(
      await page.evaluate<{ name: string; outline: string }>(FOCUSED),
    );
  }
  return reached;
}

test(
  'the keyboard alone reaches the main controls, with a visible focus',
  { timeout: 60_000 },
  async () => {
    const { page, context } = await openPage(browser);
    await signIn(page, server.url, key);
    // A fresh load starts the tab order at the top of the page.
    await page.reload();
    await page.locator('.card img.cover-art').first().waitFor();

    const library = await tabThrough(page, 8);
    const names = library.map((r) => r.name);
    for (const wanted of [
      'Skip to content',
      'Library',
      'Add music',
      'API',
      'Sign out',
      'Red Rock Valley',
    ]) {
      assert.ok(
        names.some((n) => n.startsWith(wanted)),
        `reached ${wanted}: ${names.join(' | ')}`,
      );
    }
    for (const reached of library) {
      assert.match(
        reached.outline,
        /^solid [1-9]/,
        `focus ring on ${reached.name}`,
      );
    }

    // Enter on the focused card opens it; the downloads are reachable too.
    assert.match(library.at(-1)?.name ?? '', /^Red Rock Valley/);
    await page.keyboard.press('Enter');
    await page.locator('.covers img.cover-art').first().waitFor();
    const detail = (await tabThrough(page, 14)).map((r) => r.name);
    assert.ok(
      detail.some((n) => /as JPEG 3000 px$/.test(n)),
      detail.join(' | '),
    );
    assert.ok(
      detail.some((n) => /as PNG$/.test(n)),
      detail.join(' | '),
    );
    await context.close();
  },
);

test('every control has a label and every cover has alt text', async () => {
  const { page, context } = await openPage(browser);
  await signIn(page, server.url, key);
  await page.goto(`${server.url}/#/new`);
  await page.getByLabel('Title').waitFor();
  const unlabelled = await page.evaluate<string[]>(UNLABELLED_CONTROLS);
  assert.deepEqual(unlabelled, []);

  await page.goto(`${server.url}/#/music/${musicId}`);
  await page.locator('.covers img.cover-art').first().waitFor();
  const alts = await page
    .locator('img')
    .evaluateAll((images) =>
      images.map((img) => img.getAttribute('alt') ?? ''),
    );
  assert.ok(alts.length >= 2);
  for (const alt of alts)
    assert.match(alt, /^Cover art for “Red Rock Valley”, \w+ style$/);
  await context.close();
});

const CONTRAST_PROBE = fs.readFileSync(
  new URL('./contrast-probe.js', import.meta.url),
  'utf8',
);

/** Text whose contrast with what is behind it is below 4.5:1. */
function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(`(${CONTRAST_PROBE.trim().replace(/;$/, '')})()`);
}

test(
  'text keeps a contrast of at least 4.5:1 on every view',
  { timeout: 60_000 },
  async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await page.getByLabel('API key').waitFor();
    assert.deepEqual(await lowContrastText(page), [], 'sign-in');
    await signIn(page, server.url, key);
    await page.locator('.card img.cover-art').first().waitFor();
    assert.deepEqual(await lowContrastText(page), [], 'library');
    await page.goto(`${server.url}/#/music/${musicId}`);
    await page.locator('.stats').waitFor();
    assert.deepEqual(await lowContrastText(page), [], 'detail');
    await page.goto(`${server.url}/#/new`);
    await page.getByLabel('Title').waitFor();
    assert.deepEqual(await lowContrastText(page), [], 'add music');
    await page.goto(`${server.url}/docs`);
    await page.locator('.op').first().waitFor();
    assert.deepEqual(await lowContrastText(page), [], 'docs');

    // The probe itself notices grey on near-black.
    await page.evaluate(ADD_FAINT_TEXT);
    assert.deepEqual(
      (await lowContrastText(page)).map((f) => f.split(' ').slice(1).join(' ')),
      ['"barely there"'],
    );
    await context.close();
  },
);

test('the API page shows one card for every operation in the document', async () => {
  const { page, context, errors } = await openPage(browser);
  const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const operations = Object.values(doc.paths).flatMap((m) => Object.keys(m));
  await page.goto(`${server.url}/docs`);
  await page.locator('.op').first().waitFor();
  assert.equal(await page.locator('.op').count(), operations.length);
  await page
    .getByRole('heading', { name: 'GET /api/v1/suno/cover/record-info' })
    .waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a title cannot turn its own letters around or show control codes', async () => {
  const owner = await server.createKey(5);
  const created = await server.api(
    'POST',
    '/api/v1/sleeve/music',
    { title: 'שלום עולם \u202e evil\u0007' },
    owner,
  );
  const id: string = created.body.data.taskId;
  const { page, context, errors } = await openPage(browser);
  await signIn(page, server.url, owner);
  const card = page.locator('.card__title').first();
  await card.waitFor();
  assert.equal(await card.textContent(), 'שלום עולם  evil');
  await page.goto(`${server.url}/#/music/${id}`);
  const heading = page.locator('h1');
  await heading.filter({ hasText: 'evil' }).waitFor();
  assert.equal(await heading.textContent(), 'שלום עולם  evil');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tempo the analysis is unsure of is shown as a guess', async () => {
  const owner = await server.createKey(5);
  // Awakening's slow build has a weak pulse: tempo confidence about 0.15.
  const { musicId: id } = await seedTrackWithCover(server, owner, 'Awakening');
  const music = (
    await server.api('GET', `/api/v1/sleeve/music/${id}`, undefined, owner)
  ).body.data;
  assert.ok(music.features.bpmConfidence < 0.2);
  assert.ok(music.features.keyConfidence >= 0.2);

  const { page, context, errors } = await openPage(browser);
  await signIn(page, server.url, owner);
  await page.goto(`${server.url}/#/music/${id}`);
  const figure = (label: string) =>
    page.locator('.stats div', { hasText: label }).locator('dd').textContent();
  await page.locator('.stats').waitFor();
  const bpm = Math.round(music.features.bpm);
  assert.equal(await figure('Tempo'), `≈ ${bpm} BPM, unsure`);
  assert.equal(
    await figure('Key'),
    `${music.features.key} ${music.features.mode}`,
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('titles in other scripts get the engine’s faces, fetched only when shown', async () => {
  const owner = await server.createKey(5);
  const titles = ['ネオンの雨', '한여름 밤의 꿈', 'قمر الصحراء', 'Pancakes 🥞'];
  for (const title of titles) {
    await server.api('POST', '/api/v1/sleeve/music', { title }, owner);
  }
  const { page, context, errors } = await openPage(browser);
  await signIn(page, server.url, owner);
  await page.locator('.card__title', { hasText: 'ネオンの雨' }).waitFor();
  const loaded = (await page.evaluate(LOADED_FACES)) as string[];
  const has = (range: string) => loaded.some((face) => face.includes(range));
  assert.ok(has('U+3000-30FF'), `Japanese: ${loaded.join('; ')}`);
  assert.ok(has('U+AC00-D7FF'), `Korean: ${loaded.join('; ')}`);
  assert.ok(has('U+600-6FF'), `Arabic: ${loaded.join('; ')}`);
  assert.ok(
    loaded.some((face) => face.replaceAll('"', '').startsWith('Sleeve Emoji')),
    `emoji: ${loaded.join('; ')}`,
  );
  // No title here is in Thai or Ethiopic: their faces stay on the server.
  assert.ok(!has('U+E00-E7F'), loaded.join('; '));
  assert.ok(!has('U+1200-139F'), loaded.join('; '));
  assert.deepEqual(errors, []);
  await context.close();
});

test('an imported record that failed upstream says so, in the library and on its page', async () => {
  const owner = await server.createKey(5);
  const record = successRecord() as { data: Record<string, unknown> };
  record.data['status'] = 'GENERATE_AUDIO_FAILED';
  const id = await importRecord(server, owner, record);
  const { page, context, errors } = await openPage(browser);
  await signIn(page, server.url, owner);
  const badge = page.locator(`[data-task-id="${id}"] .badge`);
  assert.equal(await badge.textContent(), 'Music failed');
  await page.goto(`${server.url}/#/music/${id}`);
  const status = page.locator('.status__text');
  await status.filter({ hasText: 'failed' }).waitFor();
  assert.equal(
    await status.textContent(),
    'This music task failed (GENERATE_AUDIO_FAILED), so it cannot get a cover.',
  );
  assert.equal(
    await page.getByRole('button', { name: 'Make cover' }).count(),
    0,
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('a title of 60 emoji, within the server’s limit, can be sent from the form', async () => {
  const owner = await server.createKey(5);
  const { page, context, errors } = await openPage(browser);
  await signIn(page, server.url, owner);
  await page.goto(`${server.url}/#/new`);
  // 60 characters people see, 120 UTF-16 units: over a maxlength of 100.
  await page.getByLabel('Title').fill('🌊'.repeat(60));
  await page.getByLabel('Make a cover right away').uncheck();
  await page.getByRole('button', { name: 'Add music' }).click();
  await page.waitForURL(/#\/music\/[0-9a-f]{32}$/, { timeout: 30_000 });
  await page.locator('h1', { hasText: '🌊' }).waitFor();
  assert.equal(await page.locator('h1').textContent(), '🌊'.repeat(60));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long title takes two lines on its card at phone width, and whole on its page', async () => {
  const owner = await server.createKey(5);
  const title = 'Wandering '.repeat(10).trim();
  await server.api('POST', '/api/v1/sleeve/music', { title }, owner);
  const { page, context, errors } = await openPage(browser, PHONE);
  await signIn(page, server.url, owner);
  await page.locator('.card__title').first().waitFor();
  const lines = (await page.evaluate(CARD_TITLE_LINES)) as number;
  assert.ok(lines <= 2.05, `${lines.toFixed(2)} lines`);
  await page.locator('.card__link').first().click();
  await page.locator('h1', { hasText: 'Wandering' }).waitFor();
  assert.equal(await page.locator('h1').textContent(), title);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A mono 16-bit WAV file of digital silence. */
function silentWav(seconds: number, rate = 22_050): Buffer {
  const data = seconds * rate * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data, 40);
  return Buffer.concat([header, Buffer.alloc(data)]);
}

test('silence shows no tempo and no key, not a guess', async () => {
  const owner = await server.createKey(5);
  const form = new FormData();
  form.set('title', 'Four Minutes of Nothing');
  form.set('audio', new Blob([silentWav(12)]), 'silence.wav');
  const created = await fetch(`${server.url}/api/v1/sleeve/music`, {
    method: 'POST',
    headers: { authorization: `Bearer ${owner}` },
    body: form,
  });
  const id = ((await created.json()) as { data: { taskId: string } }).data
    .taskId;
  const { page, context, errors } = await openPage(browser);
  await signIn(page, server.url, owner);
  await page.goto(`${server.url}/#/music/${id}`);
  await page.locator('.stats').waitFor();
  const figure = (label: string) =>
    page.locator('.stats div', { hasText: label }).locator('dd').textContent();
  assert.equal(await figure('Tempo'), 'none found');
  assert.equal(await figure('Key'), 'none found');
  assert.deepEqual(errors, []);
  await context.close();
});
