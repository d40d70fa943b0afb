import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Browser } from 'playwright-core';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';
import {
  decodeImage,
  meanPixelDifference,
  SHARED_TRACKS,
  type DecodedImage,
} from '../support/tracks.js';
import {
  launchBrowser,
  openPage,
  saveScreenshot,
  signIn,
  type GalleryPage,
} from './browser.js';
import {
  IS_SAME_DOCUMENT,
  MARK_DOCUMENT,
  RECORD_STATES,
  SEEN_STATES,
} from './page-scripts.js';

let server: TestSleeve;
let browser: Browser;
let key: string;
let tab: GalleryPage;

before(async () => {
  server = await startSleeve();
  browser = await launchBrowser();
  key = await server.createKey(20);
  tab = await openPage(browser);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const AUDIO = path.join(SHARED_TRACKS, 'audio', 'machine-wars.mp3');

test(
  'add music with audio, ask for a cover, and watch it finish without reload',
  { timeout: 120_000 },
  async () => {
    const { page } = tab;
    await signIn(page, server.url, key);
    await page
      .getByRole('link', { name: 'Add music', exact: true })
      .first()
      .click();
    await page.getByLabel('Title').fill('Machine Wars');
    await page.getByLabel('Artist').fill('Michael Kievernagel');
    await page
      .getByLabel('Style tags')
      .fill('industrial, battle, driving drums');
    await page.getByLabel('Audio file').setInputFiles(AUDIO);
    await page.getByLabel('Make a cover right away').uncheck();
    await saveScreenshot(page, 'desktop-add-music');
    await page.getByRole('button', { name: 'Add music' }).click();

    await page.waitForURL(/#\/music\/[0-9a-f]{32}$/, { timeout: 60_000 });
    await page.getByRole('heading', { name: 'Machine Wars' }).waitFor();
    assert.equal(
      await page.getByRole('status').first().textContent(),
      'No cover yet',
    );

    // A reload would wipe this marker and the recorded states.
    await page.evaluate(MARK_DOCUMENT);
    await page.evaluate(RECORD_STATES);
    await page.getByRole('button', { name: 'Make cover' }).click();
    await page
      .locator('.status[data-state="done"]')
      .waitFor({ timeout: 60_000 });

    const seen = await page.evaluate<string[]>(SEEN_STATES);
    const busyFrom = seen.indexOf('busy');
    assert.ok(busyFrom >= 0, `states seen: ${seen.join(', ')}`);
    assert.deepEqual(seen.slice(busyFrom), ['busy', 'done']);
    assert.equal(await page.evaluate<boolean>(IS_SAME_DOCUMENT), true);
    await page.locator('[data-live]', { hasText: 'Cover ready' }).waitFor();
    assert.deepEqual(tab.errors, []);
  },
);

test(
  'the detail shows both covers large and the measured features',
  { timeout: 60_000 },
  async () => {
    const { page } = tab;
    const musicId = page.url().split('/').at(-1) ?? '';
    const music = (
      await server.api('GET', `/api/v1/sleeve/music/${musicId}`, undefined, key)
    ).body.data;

    const covers = page.locator('.covers img.cover-art');
    assert.equal(await covers.count(), 2);
    for (const [position, style] of music.cover.styles.entries()) {
      const image = covers.nth(position);
      assert.equal(
        await image.getAttribute('src'),
        music.cover.response.images[position],
      );
      assert.match(
        (await image.getAttribute('alt')) ?? '',
        /Cover art for “Machine Wars”/,
      );
      const width = (await image.boundingBox())?.width ?? 0;
      assert.ok(width >= 400, `a large cover, ${width} px wide (${style})`);
    }

    const stats = page.locator('.stats');
    const tempo = await stats
      .locator('div', { hasText: 'Tempo' })
      .locator('dd')
      .textContent();
    assert.equal(tempo, `${Math.round(music.features.bpm)} BPM`);
    const keyText = await stats
      .locator('div', { hasText: 'Key' })
      .locator('dd')
      .textContent();
    assert.equal(keyText, `${music.features.key} ${music.features.mode}`);
    const energy = await page
      .getByRole('meter', { name: 'Energy' })
      .getAttribute('aria-valuenow');
    assert.equal(energy, String(Math.round(music.features.energy * 100)));
    const bars = await page.locator('svg.wave rect').count();
    assert.equal(bars, music.features.waveform.length);
    await saveScreenshot(page, 'desktop-detail');
  },
);

test(
  'the JPEG 3000 px download is a real 3000 px JPEG',
  { timeout: 120_000 },
  async () => {
    const { page } = tab;
    const button = page
      .getByRole('button', { name: /cover as JPEG 3000 px$/ })
      .first();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      button.click(),
    ]);
    assert.match(
      download.suggestedFilename(),
      /^machine-wars-[a-z]+-3000\.jpeg$/,
    );
    const file = await download.path();
    const bytes = await fs.readFile(file);
    assert.deepEqual(
      [...bytes.subarray(0, 3)],
      [0xff, 0xd8, 0xff],
      'JPEG magic',
    );
    const image = await decodeImage(bytes);
    assert.deepEqual([image.width, image.height], [3000, 3000]);
  },
);

/** Both images drawn at 32 × 32, so a screenshot and a file compare. */
async function thumbnail(bytes: Buffer): Promise<DecodedImage> {
  const image = await loadImage(bytes);
  const canvas = createCanvas(32, 32);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0, 32, 32);
  return {
    width: 32,
    height: 32,
    pixels: context.getImageData(0, 0, 32, 32).data,
  };
}

function spread(image: DecodedImage): number {
  const values: number[] = [];
  for (let i = 0; i < image.pixels.length; i += 4) {
    values.push(
      ((image.pixels[i] ?? 0) +
        (image.pixels[i + 1] ?? 0) +
        (image.pixels[i + 2] ?? 0)) /
        3,
    );
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(
    values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length,
  );
}

test(
  'the covers on screen are the stored images, not blank boxes',
  { timeout: 60_000 },
  async () => {
    const { page } = tab;
    const covers = page.locator('.covers img.cover-art');
    const shots: DecodedImage[] = [];
    const files: DecodedImage[] = [];
    for (let position = 0; position < 2; position += 1) {
      const image = covers.nth(position);
      shots.push(await thumbnail(await image.screenshot()));
      const url = (await image.getAttribute('src')) ?? '';
      const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
      files.push(await thumbnail(bytes));
    }
    for (const [position, shot] of shots.entries()) {
      assert.ok(spread(shot) > 8, 'the screenshot is not one flat colour');
      const own = meanPixelDifference(shot, files[position]!);
      const other = meanPixelDifference(shot, files[1 - position]!);
      // Scaling and anti-aliasing leave some difference (fine line art
      // the most, up to about 16); another cover differs by 60 or more.
      assert.ok(own < 30, `screen vs own PNG: ${own.toFixed(1)}`);
      assert.ok(
        own * 3 < other,
        `own ${own.toFixed(1)}, other ${other.toFixed(1)}`,
      );
    }
    assert.deepEqual(tab.errors, []);
  },
);
