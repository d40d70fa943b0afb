import fs from 'node:fs/promises';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
} from 'playwright-core';
import { SCROLLS_SIDEWAYS } from './page-scripts.js';

/** Debian's chromium; CI installs the same package (see .ci/run). */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Headless Chromium with a fresh profile (playwright makes one per launch)
 * and no traffic of its own: no updates, no sync, no QUIC probing. Pages
 * are only ever loaded from the test's own server on 127.0.0.1.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

export interface GalleryPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page; a test ends by checking it is empty. */
  errors: string[];
}

/** A new tab in a fresh context: its own sessionStorage and downloads. */
export async function openPage(
  browser: Browser,
  viewport = DESKTOP,
): Promise<GalleryPage> {
  const context = await browser.newContext({
    viewport,
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

export async function signIn(page: Page, baseUrl: string, key: string) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Library' }).waitFor();
}

/**
 * Saves a screenshot for people to look at when GALLERY_SCREENSHOTS names
 * a folder (kept outside the repository); otherwise does nothing.
 */
export async function saveScreenshot(page: Page, name: string) {
  const folder = process.env['GALLERY_SCREENSHOTS'];
  if (!folder) return;
  await fs.mkdir(folder, { recursive: true });
  await page.screenshot({
    path: path.join(folder, `${name}.png`),
    fullPage: true,
  });
}

/** True when the page is wider than the viewport (sideways scrolling). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(SCROLLS_SIDEWAYS);
}
