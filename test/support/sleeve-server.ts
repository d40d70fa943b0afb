import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Sleeve } from '../../src/app.js';
import { bootstrapAdminKey } from '../../src/accounts/bootstrap-admin.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import type { Clock } from '../../src/util/clock.js';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';
export const WEBHOOK_KEY = 'test-webhook-key-0123456789';
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface TestSleeve {
  url: string;
  sleeve: Sleeve;
  dataDir: string;
  adminKey: string;
  /** A JSON request with a Bearer key (default: the admin key). */
  api(
    method: string,
    route: string,
    body?: unknown,
    key?: string | null,
  ): Promise<ApiAnswer>;
  /** Creates a non-admin key with this many credits; answers its secret. */
  createKey(credits?: number, name?: string): Promise<string>;
  close(): Promise<void>;
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: { code: number; msg: string; data: any };
}

export async function makeDataDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'sleeve-test-'));
}

export interface StartOptions {
  clock?: Clock;
  dataDir?: string;
  housekeepingMs?: number;
  /** Default: the server's own logger at TEST_LOG_LEVEL (silent). */
  logger?: Logger;
}

/**
 * The real server, in this process, on a random port, with its own SQLite
 * file; `clock` lets a test move time (retention, retries).
 */
export async function startSleeve(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<TestSleeve> {
  // A folder made here is removed on close; one passed in is the test's.
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await makeDataDir());
  const config = loadConfig({
    SLEEVE_DATA_DIR: dataDir,
    SLEEVE_PORT: '0',
    SLEEVE_HOST: '127.0.0.1',
    SLEEVE_API_KEY: ADMIN_KEY,
    SLEEVE_ALLOW_PRIVATE_CALLBACKS: '1',
    SLEEVE_RENDER_THREADS: '2',
    SLEEVE_IMAGE_SIZE: '512',
    SLEEVE_INITIAL_CREDITS: '1000',
    SLEEVE_LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    SLEEVE_LOG_FORMAT: 'json',
    ...env,
  });
  const sleeve = await Sleeve.open({
    config,
    logger: options.logger ?? createLogger(config),
    ...(options.clock && { clock: options.clock }),
    ...(options.housekeepingMs && { housekeepingMs: options.housekeepingMs }),
  });
  await bootstrapAdminKey(sleeve.accounts, sleeve.stores.apiKeys, {
    secret: config.bootstrapApiKey,
    credits: config.initialCredits,
  });
  const url = await sleeve.listen();
  const api = (
    method: string,
    route: string,
    body?: unknown,
    key?: string | null,
  ) => request(url, method, route, body, key === undefined ? ADMIN_KEY : key);
  return {
    url,
    sleeve,
    dataDir,
    adminKey: ADMIN_KEY,
    api,
    async createKey(credits = 100, name = 'test') {
      const created = await sleeve.accounts.createKey({ name, credits });
      return created.secret;
    },
    async close() {
      await sleeve.close();
      if (ownDataDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function request(
  base: string,
  method: string,
  route: string,
  body?: unknown,
  key?: string | null,
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (key) headers['authorization'] = `Bearer ${key}`;
  let payload: string | undefined;
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(base + route, {
    method,
    headers,
    body: payload,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}

/**
 * Child servers die with the test process, even when a test fails or
 * times out before it could stop them; otherwise they outlive the run.
 */
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

export interface ChildSleeve {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** What it printed on stdout alone. */
  stdout(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export interface SpawnOptions {
  /**
   * Run the compiled `dist/cli/main.js`, as `npm start` does, instead of
   * the sources under tsx (which costs 50–70 MB more memory). The caller
   * builds first.
   */
  built?: boolean;
  /** Node options for a built server instead of those of `npm start`. */
  nodeFlags?: string[];
  /** Flags after `serve`. */
  args?: string[];
}

/**
 * The Node options `npm start` gives the server (the words between `node`
 * and the script in package.json), so a built server here runs as a
 * user's does.
 */
export async function startFlags(): Promise<string[]> {
  const manifest = JSON.parse(
    await fs.readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'),
  ) as { scripts: { start: string } };
  const words = manifest.scripts.start.split(/\s+/);
  if (words[0] !== 'node') throw new Error('npm start must run node');
  return words.slice(1, words.indexOf('dist/cli/main.js'));
}

/**
 * The real CLI `sleeve serve` in a child process (for SIGKILL tests). Give
 * it SLEEVE_DATA_DIR (and remove it after); without one it gets a new
 * temporary folder rather than writing into the repository.
 */
export async function spawnSleeve(
  env: Record<string, string>,
  options: SpawnOptions = {},
): Promise<ChildSleeve> {
  const dataDir = env['SLEEVE_DATA_DIR'] ?? (await makeDataDir());
  const entry = options.built
    ? [
        ...(options.nodeFlags ?? (await startFlags())),
        path.join(REPO_ROOT, 'dist/cli/main.js'),
      ]
    : ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/main.ts')];
  const args = [...entry, 'serve', ...(options.args ?? [])];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      SLEEVE_PORT: '0',
      SLEEVE_HOST: '127.0.0.1',
      SLEEVE_API_KEY: ADMIN_KEY,
      SLEEVE_ALLOW_PRIVATE_CALLBACKS: '1',
      SLEEVE_LOG_FORMAT: 'json',
      SLEEVE_IMAGE_SIZE: '512',
      SLEEVE_DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  let output = '';
  let stdout = '';
  child.stdout?.on('data', (chunk) => (stdout += String(chunk)));
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    // A server that never says it started is killed, or it would keep the
    // test process alive forever.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no start:\n${output}`));
    }, 120_000);
    const check = () => {
      const match = /"url":"(http:\/\/[^"]+)".*"msg":"sleeve started"/.exec(
        output,
      );
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    stdout: () => stdout,
    kill: (signal) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          return resolve();
        }
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** Polls until `check` answers a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
