import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { Accounts } from '../../../src/accounts/accounts.js';
import { bootstrapAdminKey } from '../../../src/accounts/bootstrap-admin.js';
import { openRecordDatabase } from '../../../src/backends.js';
import { runMigrations } from '../../../src/cli/commands/migrate.js';
import { loadConfig } from '../../../src/config/config.js';
import { createStores } from '../../../src/storage/stores.js';
import { systemClock } from '../../../src/util/clock.js';
import {
  startReceiver,
  type CallbackReceiver,
} from '../../support/callback-receiver.js';
import {
  ADMIN_KEY,
  spawnSleeve,
  type ChildSleeve,
} from '../../support/sleeve-server.js';
import {
  startS3Server,
  type TestS3Server,
} from '../../conformance/support/s3-server.js';
import {
  createTestSchema,
  randomSuffix,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  type TestSchema,
} from '../../conformance/support/services.js';
import {
  startRoundRobinProxy,
  type RoundRobinProxy,
} from './round-robin-proxy.js';

export interface ClusterOptions {
  apis: number;
  workers: number;
  /** Credits of the admin key the processes share. */
  credits: number;
  /** Settings every process gets on top of the shared backends. */
  env: Record<string, string>;
}

export interface Cluster {
  apis: ChildSleeve[];
  workers: ChildSleeve[];
  receiver: CallbackReceiver;
  proxy: RoundRobinProxy;
  /** The settings every process runs with (for opening the database). */
  env: Record<string, string>;
  /** Starts one more worker process and adds it to `workers`. */
  addWorker(): Promise<ChildSleeve>;
  close(): Promise<void>;
}

/**
 * API and worker processes (the real CLI `serve`) on one Postgres (fresh
 * schemas), one Redis (a random key prefix) and one S3 bucket (a fresh
 * one, on a server in this process), behind a round-robin proxy.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const infra = await startInfrastructure();
  const env = {
    ...infra.env,
    SLEEVE_PUBLIC_URL: infra.proxy.url,
    SLEEVE_INITIAL_CREDITS: String(options.credits),
    ...options.env,
  };
  // Migrations and the admin key first, so the processes race on neither.
  await runMigrations(loadConfig(env));
  await createAdminKey(env, options.credits);

  const spawn = (services: string) =>
    spawnSleeve({ ...env, SLEEVE_SERVICES: services });
  const [apis, workers] = await Promise.all([
    Promise.all(Array.from({ length: options.apis }, () => spawn('api'))),
    Promise.all(Array.from({ length: options.workers }, () => spawn('worker'))),
  ]);
  infra.proxy.upstreams.push(...apis.map((api) => api.url));

  return {
    apis,
    workers,
    receiver: infra.receiver,
    proxy: infra.proxy,
    env,
    async addWorker() {
      const worker = await spawn('worker');
      workers.push(worker);
      return worker;
    },
    async close() {
      // Only the running ones: kill() waits for an exit still to come.
      const running = [...apis, ...workers].filter(isRunning);
      await Promise.all(running.map((child) => child.kill('SIGKILL')));
      await infra.close();
    },
  };
}

export function isRunning(sleeve: ChildSleeve): boolean {
  return sleeve.child.exitCode === null && sleeve.child.signalCode === null;
}

async function startInfrastructure() {
  const s3: TestS3Server = await startS3Server(['cluster']);
  const records: TestSchema = await createTestSchema('cluster');
  const jobs: TestSchema = await createTestSchema('clusterboss');
  const receiver = await startReceiver();
  const proxy = await startRoundRobinProxy();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sleeve-cluster-'));
  const redisPrefix = `sleeve-test-${randomSuffix()}:`;
  const bucket = s3.bucket('cluster', 'covers/');
  const env: Record<string, string> = {
    SLEEVE_DATA_DIR: dataDir,
    SLEEVE_DATABASE_URL: TEST_DATABASE_URL,
    SLEEVE_DATABASE_SCHEMA: records.name,
    SLEEVE_QUEUE_SCHEMA: jobs.name,
    SLEEVE_REDIS_URL: TEST_REDIS_URL,
    SLEEVE_REDIS_PREFIX: redisPrefix,
    SLEEVE_S3_BUCKET: bucket.bucket,
    SLEEVE_S3_ENDPOINT: s3.endpoint,
    SLEEVE_S3_ACCESS_KEY_ID: 'S3RVER',
    SLEEVE_S3_SECRET_ACCESS_KEY: 'S3RVER',
    SLEEVE_S3_FORCE_PATH_STYLE: '1',
    SLEEVE_S3_PREFIX: bucket.prefix,
    SLEEVE_API_KEY: ADMIN_KEY,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  return {
    env,
    receiver,
    proxy,
    async close() {
      await receiver.close();
      await proxy.close();
      await s3.close();
      await records.drop();
      await jobs.drop();
      await deleteRedisKeys(redisPrefix);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function createAdminKey(env: Record<string, string>, credits: number) {
  const database = await openRecordDatabase(loadConfig(env));
  try {
    const stores = createStores(database);
    await bootstrapAdminKey(
      new Accounts(stores.apiKeys, systemClock),
      stores.apiKeys,
      {
        secret: ADMIN_KEY,
        credits,
      },
    );
  } finally {
    await database.close();
  }
}

async function deleteRedisKeys(prefix: string) {
  const redis = new Redis(TEST_REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}
