import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { startReceiver } from '../test/support/callback-receiver.js';
import {
  ADMIN_KEY,
  request,
  spawnSleeve,
  type ChildSleeve,
} from '../test/support/sleeve-server.js';
import {
  createTestSchema,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  type TestSchema,
} from '../test/conformance/support/services.js';
import { round } from './stats.js';

/** Covers per configuration: enough for a steady rate, small for CI. */
const TASKS = 200;
const IMAGE_SIZE = 1024;
const CONNECTIONS = 50;

export interface ScaleRun {
  /** What ran: the backends and the processes. */
  setup: string;
  /** Cover tasks from the first generate request to the last callback. */
  coversPerSec: number;
  /** record-info of a finished task (its answer is kept in memory). */
  recordInfoFinishedRps: number;
  /** record-info of ids the database must look up (as a pending poll). */
  recordInfoLookupRps: number;
}

export interface ScaleBenchResult {
  tasks: number;
  imageSize: number;
  connections: number;
  sqlite: ScaleRun;
  postgres: ScaleRun;
  /** Postgres with the API and two worker processes apart. */
  postgresSplit: ScaleRun;
}

/**
 * The embedded backends against the scale-out ones (Postgres records,
 * pg-boss, Redis rate counts; images as local files in both, so only the
 * database, queue and rate store differ), the real CLI in child processes,
 * measured in one run. Needs the Postgres and Redis of the test setup.
 */
export async function benchScale(): Promise<ScaleBenchResult> {
  const sqlite = await measure('SQLite, 1 process (api,worker)', async () => ({
    env: {},
    drop: async () => {},
  }));
  const postgres = await measure(
    'Postgres + pg-boss + Redis, 1 process (api,worker)',
    scaleOutEnv,
  );
  const postgresSplit = await measure(
    'Postgres + pg-boss + Redis, 1 api + 2 worker processes',
    scaleOutEnv,
    2,
  );
  return {
    tasks: TASKS,
    imageSize: IMAGE_SIZE,
    connections: CONNECTIONS,
    sqlite,
    postgres,
    postgresSplit,
  };
}

interface Backing {
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function scaleOutEnv(): Promise<Backing> {
  const records: TestSchema = await createTestSchema('bench');
  const jobs: TestSchema = await createTestSchema('benchboss');
  const prefix = `sleeve-bench-${randomBytes(4).toString('hex')}:`;
  return {
    env: {
      SLEEVE_DATABASE_URL: TEST_DATABASE_URL,
      SLEEVE_DATABASE_SCHEMA: records.name,
      SLEEVE_QUEUE_SCHEMA: jobs.name,
      SLEEVE_REDIS_URL: TEST_REDIS_URL,
      SLEEVE_REDIS_PREFIX: prefix,
    },
    async drop() {
      await records.drop();
      await jobs.drop();
      const redis = new Redis(TEST_REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
  };
}

/** Both cores render in every setup: 2 threads, or 1 in each of 2 workers. */
async function measure(
  setup: string,
  back: () => Promise<Backing>,
  workers = 0,
): Promise<ScaleRun> {
  const backing = await back();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sleeve-scale-'));
  const processes: ChildSleeve[] = [];
  try {
    const env = {
      ...backing.env,
      SLEEVE_DATA_DIR: dataDir,
      SLEEVE_IMAGE_SIZE: String(IMAGE_SIZE),
      SLEEVE_RATE_GENERATE: '1000000/1s',
      SLEEVE_RATE_POLL: '100000000/1s',
      SLEEVE_INITIAL_CREDITS: String(TASKS * 2),
      SLEEVE_RENDER_THREADS: workers > 0 ? '1' : '2',
      SLEEVE_LOG_LEVEL: 'info',
    };
    // Split services need the public URL before the API listens.
    const split = workers > 0 && (await splitEnv());
    const api = await spawnSleeve(
      { ...env, ...(split && { ...split, SLEEVE_SERVICES: 'api' }) },
      { built: true },
    );
    processes.push(api);
    for (let i = 0; i < workers; i += 1) {
      processes.push(
        await spawnSleeve(
          { ...env, ...split, SLEEVE_SERVICES: 'worker' },
          { built: true },
        ),
      );
    }
    const coversPerSec = await measureCovers(api.url);
    const finished = await finishedTaskRoute(api.url);
    const unknown = () =>
      `/api/v1/suno/cover/record-info?taskId=${randomBytes(16).toString('hex')}`;
    return {
      setup,
      coversPerSec: round(coversPerSec),
      recordInfoFinishedRps: await load(api.url, () => finished),
      recordInfoLookupRps: await load(api.url, unknown),
    };
  } finally {
    for (const child of processes) await child.kill('SIGTERM');
    await backing.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** All tasks at once, 16 requests in flight, until every callback came. */
async function measureCovers(url: string): Promise<number> {
  const parents: string[] = [];
  for (let i = 0; i < TASKS; i += 1) {
    const made = await call(url, 'POST', '/api/v1/sleeve/music', {
      title: `Scale Bench ${i}`,
      tags: ['synthwave', 'folk', 'ambient', 'metal'][i % 4],
      artist: 'Bench',
    });
    parents.push(made.taskId);
  }
  const receiver = await startReceiver();
  try {
    const began = performance.now();
    let next = 0;
    const lane = async () => {
      while (next < parents.length) {
        const parent = parents[next++];
        await call(url, 'POST', '/api/v1/suno/cover/generate', {
          taskId: parent,
          callBackUrl: receiver.url,
        });
      }
    };
    await Promise.all(Array.from({ length: 16 }, lane));
    await receiver.waitFor(TASKS, 300_000);
    return TASKS / ((performance.now() - began) / 1000);
  } finally {
    await receiver.close();
  }
}

async function finishedTaskRoute(url: string): Promise<string> {
  const list = await call(url, 'GET', '/api/v1/sleeve/music?limit=1');
  const taskId: string = list.items[0].cover.taskId;
  return `/api/v1/suno/cover/record-info?taskId=${taskId}`;
}

/** Requests per second over 4 s after a 1 s warm-up; paths from `route`. */
async function load(url: string, route: () => string): Promise<number> {
  const run = (duration: number) =>
    autocannon({
      url,
      connections: CONNECTIONS,
      duration,
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
      requests: [{ setupRequest: (req) => ({ ...req, path: route() }) }],
    });
  await run(1);
  const result = await run(4);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return Math.round(result.requests.average);
}

/** A free port on loopback for the API, and the public URL naming it. */
async function splitEnv(): Promise<Record<string, string>> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return {
    SLEEVE_PORT: String(port),
    SLEEVE_PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
}

async function call(
  url: string,
  method: string,
  route: string,
  body?: unknown,
) {
  const answer = await request(url, method, route, body, ADMIN_KEY);
  if (answer.body.code !== 200) throw new Error(answer.body.msg);
  return answer.body.data;
}
