import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { Sleeve } from '../../app.js';
import { bootstrapAdminKey } from '../../accounts/bootstrap-admin.js';
import {
  SleeveApiError,
  SleeveClient,
  SleeveNetworkError,
  type CoverCallback,
} from '../../client/index.js';
import { loadConfig } from '../../config/config.js';
import { verifyKieSignature } from '../../delivery/verify-callback.js';
import { renderContactSheet } from '../../engine/index.js';
import { CommandFailure } from '../flags.js';
import { createOutput, EXIT, shown, type Output } from '../output.js';
import {
  readTrackFolder,
  SAMPLES_DIR,
  type FolderTrack,
} from '../track-folder.js';
import { slug } from './render.js';
import { makeFolder } from '../../util/make-folder.js';

interface DemoFlags {
  tracks?: string;
  out: string;
  dataDir?: string;
  size: string;
  json?: boolean;
}

/** A track the demo could not cover, and why. */
interface DemoFailure {
  track: number;
  title: string;
  error: string;
}

interface DemoResult {
  title: string;
  musicTaskId: string;
  coverTaskId: string;
  styles: string[];
  images: string[];
  files: string[];
  audio: { bpm: number; key: string; mode: string } | null;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'Start a server, register a set of tracks, make a cover for each through the HTTP API ' +
        'with a local callback receiver, and write a contact sheet and an index.',
    )
    .option(
      '--tracks <dir>',
      'a tracks folder (tracks.json + audio/); default: the bundled samples',
    )
    .option('--out <dir>', 'where to write the results', 'sleeve-demo')
    .option(
      '--data-dir <dir>',
      "the demo server's data directory (default: a fresh temp folder)",
    )
    .option('--size <px>', 'cover size', '1024')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  sleeve demo\n  sleeve demo --tracks ../shared/tracks --out demo-out',
    )
    .action(async (flags: DemoFlags) => {
      const out = createOutput(flags.json === true);
      const tracks = await readTrackFolder(flags.tracks ?? SAMPLES_DIR);
      const { results, failed } = await runDemo(tracks, flags, out);
      if (failed.length > 0) process.exitCode = EXIT.failed;
      out.result(
        { out: path.resolve(flags.out), tracks: results, failed },
        () =>
          `Done: ${results.length} tracks, ${results.length * 2} covers` +
          (failed.length ? `; ${failed.length} track(s) failed.\n` : '.\n') +
          `  contact sheet  ${path.join(flags.out, 'contact-sheet.png')}\n` +
          `  index          ${path.join(flags.out, 'index.html')}`,
      );
    });
}

async function runDemo(tracks: FolderTrack[], flags: DemoFlags, out: Output) {
  // Without --data-dir the demo's server lives in a temporary folder that
  // goes when the demo ends; the results are in --out.
  const dataDir =
    flags.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'sleeve-demo-')));
  const apiKey = `demo_${randomBytes(18).toString('base64url')}`;
  const webhookKey = randomBytes(18).toString('base64url');
  const config = loadConfig(
    {
      ...process.env,
      SLEEVE_DATA_DIR: dataDir,
      SLEEVE_DATABASE_URL: '',
      SLEEVE_HOST: '127.0.0.1',
      SLEEVE_PORT: '0',
      SLEEVE_PUBLIC_URL: '',
      SLEEVE_API_KEY: apiKey,
      SLEEVE_WEBHOOK_KEY: webhookKey,
      // The demo's own receiver is on loopback, so the demo allows it.
      SLEEVE_ALLOW_PRIVATE_CALLBACKS: '1',
      SLEEVE_INITIAL_CREDITS: String(tracks.length * 10),
      SLEEVE_LOG_LEVEL: process.env['SLEEVE_LOG_LEVEL'] ?? 'warn',
    },
    {
      SLEEVE_IMAGE_SIZE: { flag: '--size', value: flags.size },
    },
  );
  const sleeve = await Sleeve.open({ config });
  const receiver = await startReceiver(webhookKey);
  try {
    await bootstrapAdminKey(sleeve.accounts, sleeve.stores.apiKeys, {
      secret: apiKey,
      credits: config.initialCredits,
    });
    const url = await sleeve.listen();
    out.info(`Demo server at ${url} (data in ${dataDir})`);
    const client = new SleeveClient({ baseUrl: url, apiKey });
    const covered = await coverEveryTrack(client, tracks, receiver, out);
    if (covered.results.length === 0) {
      throw new CommandFailure('no track got a cover; see the lines above.');
    }
    await writeResults(covered.results, flags.out, out);
    return covered;
  } finally {
    await receiver.close();
    await sleeve.close();
    if (!flags.dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function coverEveryTrack(
  client: SleeveClient,
  tracks: FolderTrack[],
  receiver: DemoReceiver,
  out: Output,
): Promise<{ results: DemoResult[]; failed: DemoFailure[] }> {
  const pending: {
    track: FolderTrack;
    index: number;
    musicTaskId: string;
    coverTaskId: string;
  }[] = [];
  const failed: DemoFailure[] = [];
  // A track that cannot be covered (audio that is not audio, a title the
  // server refuses) is named and skipped; the others go on.
  const fail = (index: number, title: string, error: string) => {
    failed.push({ track: index + 1, title, error });
    out.info(
      `[${index + 1}/${tracks.length}] ${shown(title)}: failed: ${shown(error)}`,
    );
  };
  for (const [i, track] of tracks.entries()) {
    let musicTaskId: string;
    let coverTaskId: string;
    try {
      musicTaskId = await registerTrack(client, track);
      coverTaskId = await requestCover(client, musicTaskId, receiver.url);
    } catch (error) {
      if (error instanceof SleeveNetworkError) throw error;
      fail(i, track.title, (error as Error).message);
      continue;
    }
    pending.push({ track, index: i, musicTaskId, coverTaskId });
    out.info(
      `[${i + 1}/${tracks.length}] ${shown(track.title)}: cover task ${coverTaskId}`,
    );
  }

  const results: DemoResult[] = [];
  for (const [i, entry] of pending.entries()) {
    const callback = await receiver.waitFor(entry.coverTaskId);
    if (callback.code !== 200 || !callback.data.images) {
      fail(entry.index, entry.track.title, `the cover failed: ${callback.msg}`);
      continue;
    }
    const music = await client.getMusic(entry.musicTaskId);
    const features = music?.features;
    results.push({
      title: entry.track.title,
      musicTaskId: entry.musicTaskId,
      coverTaskId: entry.coverTaskId,
      styles: music?.cover?.styles ?? [],
      images: callback.data.images,
      files: [],
      audio: features
        ? { bpm: features.bpm, key: features.key, mode: features.mode }
        : null,
    });
    out.info(
      `[${i + 1}/${pending.length}] ${shown(entry.track.title)}: done (${results.at(-1)?.styles.join(' + ')})`,
    );
  }
  return { results, failed };
}

async function registerTrack(
  client: SleeveClient,
  track: FolderTrack,
): Promise<string> {
  let audio: Uint8Array | undefined;
  if (track.audioPath) {
    try {
      audio = new Uint8Array(await fs.readFile(track.audioPath));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CommandFailure(
        `could not read ${track.audioPath}` +
          (code === 'ENOENT' ? ': there is no such file' : `: ${code}`),
      );
    }
  }
  const { taskId } = await client.createMusic({
    title: track.title,
    artist: track.artist,
    tags: track.tags,
    prompt: track.prompt,
    ...(audio &&
      track.audioPath && { audio, audioName: path.basename(track.audioPath) }),
  });
  return taskId;
}

/** Asks for a cover, waiting out the rate limit as a good client does. */
async function requestCover(
  client: SleeveClient,
  taskId: string,
  callBackUrl: string,
) {
  for (;;) {
    try {
      return (await client.createCover({ taskId, callBackUrl })).taskId;
    } catch (error) {
      if (!(error instanceof SleeveApiError) || !error.isRateLimited)
        throw error;
      await new Promise((r) =>
        setTimeout(r, 1000 * (error.retryAfterSec ?? 1)),
      );
    }
  }
}

async function writeResults(results: DemoResult[], dir: string, out: Output) {
  const imageDir = path.join(dir, 'images');
  await makeFolder(imageDir);
  const rows = [];
  for (const [i, result] of results.entries()) {
    const images = await Promise.all(result.images.map(download));
    result.files = await Promise.all(
      images.map(async (bytes, n) => {
        const name = `${String(i + 1).padStart(2, '0')}-${slug(result.title)}-${n + 1}.png`;
        await fs.writeFile(path.join(imageDir, name), bytes);
        return `images/${name}`;
      }),
    );
    rows.push({ label: result.title, detail: detailOf(result), images });
  }
  out.info('Writing the contact sheet…');
  const sheet = renderContactSheet(rows, {
    columnLabels: ['cover 1', 'cover 2'],
  });
  await fs.writeFile(path.join(dir, 'contact-sheet.png'), sheet);
  await fs.writeFile(
    path.join(dir, 'index.json'),
    JSON.stringify(results, null, 2),
  );
  await fs.writeFile(path.join(dir, 'index.html'), indexPage(results));
}

function detailOf(result: DemoResult): string {
  const styles = result.styles.join(' + ');
  if (!result.audio) return styles;
  return `${styles} · ${Math.round(result.audio.bpm)} BPM ${result.audio.key} ${result.audio.mode}`;
}

async function download(url: string): Promise<Buffer> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`image download failed: HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

const escape = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

function indexPage(results: DemoResult[]): string {
  const cards = results
    .map(
      (r) => `<section><h2>${escape(r.title)}</h2><p>${escape(detailOf(r))}</p>
${r.files.map((f, i) => `<img src="${f}" alt="${escape(r.title)}, cover ${i + 1} (${escape(r.styles[i] ?? '')})" width="320" height="320">`).join('\n')}</section>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sleeve demo</title>
<style>body{font:16px system-ui;background:#111;color:#eee;margin:2rem}section{margin-bottom:2rem}img{margin-right:1rem;border-radius:6px}p{color:#aaa}</style>
<h1>Sleeve demo: ${results.length} tracks</h1><p><img src="contact-sheet.png" alt="Contact sheet of every cover" style="max-width:100%;width:auto;height:auto"></p>
${cards}</html>\n`;
}

interface DemoReceiver {
  url: string;
  waitFor(coverTaskId: string, timeoutMs?: number): Promise<CoverCallback>;
  close(): Promise<void>;
}

/** A callback receiver on loopback that checks every signature. */
async function startReceiver(webhookKey: string): Promise<DemoReceiver> {
  const seen = new Map<string, CoverCallback>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(
        Buffer.concat(chunks).toString('utf8'),
      ) as CoverCallback;
      const signed = verifyKieSignature({
        taskId: body.data.taskId,
        timestamp: header(req, 'x-webhook-timestamp'),
        signature: header(req, 'x-webhook-signature'),
        key: webhookKey,
      });
      res.statusCode = signed ? 200 : 401;
      res.end();
      if (signed) seen.set(body.data.taskId, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sleeve-callback`,
    async waitFor(taskId, timeoutMs = 300_000) {
      const deadline = Date.now() + timeoutMs;
      while (!seen.has(taskId)) {
        if (Date.now() > deadline) throw new Error(`no callback for ${taskId}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return seen.get(taskId) as CoverCallback;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
