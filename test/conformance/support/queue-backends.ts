import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../../../src/logger.js';
import type { JobQueue } from '../../../src/queue/job-queue.js';
import { PgBossJobQueue } from '../../../src/queue/pg-boss-job-queue.js';
import { SqliteJobQueue } from '../../../src/queue/sqlite-job-queue.js';
import { openDatabase } from '../../../src/storage/database.js';
import { systemClock } from '../../../src/util/clock.js';
import type { JobQueueHarness } from '../suites/job-queue-suite.js';
import { createTestSchema, TEST_DATABASE_URL } from './services.js';

/** Where a queue's jobs live; a child process opens the same from it. */
export type QueueSpec =
  | { kind: 'sqlite'; file: string }
  | { kind: 'pg-boss'; url: string; schema: string };

/** Short leases, so takeover tests wait seconds, not minutes. */
const LEASE_MS = 1_000;
const POLL_MS = 100;
const logger = createLogger({ logLevel: 'silent', logFormat: 'json' });

export interface OpenedQueue {
  queue: JobQueue;
  close(): Promise<void>;
}

export async function openQueueFrom(spec: QueueSpec): Promise<OpenedQueue> {
  if (spec.kind === 'sqlite') {
    const database = await openDatabase(spec.file);
    const queue = new SqliteJobQueue(database, {
      clock: systemClock,
      logger,
      leaseMs: LEASE_MS,
      pollMs: POLL_MS,
    });
    return {
      queue,
      close: async () => {
        await queue.stop();
        await database.close();
      },
    };
  }
  const queue = await PgBossJobQueue.open({
    connectionString: spec.url,
    schema: spec.schema,
    logger,
    leaseSeconds: LEASE_MS / 1000,
    pollMs: POLL_MS,
    poolSize: 3,
  });
  return { queue, close: () => queue.close() };
}

/** A fresh store (SQLite file or Postgres schema) per harness. */
export async function openQueueHarness(
  kind: QueueSpec['kind'],
): Promise<JobQueueHarness> {
  const { spec, drop } = await createStore(kind);
  const opened: OpenedQueue[] = [];
  return {
    async open() {
      const queue = await openQueueFrom(spec);
      opened.push(queue);
      return queue.queue;
    },
    spawnWorker: () => spawnDoomedWorker(spec),
    async close() {
      for (const queue of opened) await queue.close();
      await drop();
    },
  };
}

async function createStore(kind: QueueSpec['kind']) {
  if (kind === 'pg-boss') {
    const schema = await createTestSchema('boss');
    const spec: QueueSpec = {
      kind,
      url: TEST_DATABASE_URL,
      schema: schema.name,
    };
    return { spec, drop: schema.drop };
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sleeve-queue-'));
  const spec: QueueSpec = { kind, file: path.join(dir, 'sleeve.db') };
  return { spec, drop: () => fs.rm(dir, { recursive: true, force: true }) };
}

const WORKER_SCRIPT = fileURLToPath(
  new URL('./doomed-worker.ts', import.meta.url),
);
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * A worker in a child process that takes one job and hangs in it, until
 * SIGKILL: a process killed mid-job, for real.
 */
async function spawnDoomedWorker(spec: QueueSpec) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', WORKER_SCRIPT, JSON.stringify(spec)],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const jobId = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
      const match = /^took (\S+)$/m.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`worker exited ${code}:\n${output}`)),
    );
  });
  return {
    jobId,
    kill: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
