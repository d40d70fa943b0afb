import path from 'node:path';
import type { SleeveConfig } from './config/config.js';
import type { Logger } from './logger.js';
import { LocalObjectStore } from './objects/local-object-store.js';
import type { ObjectStore } from './objects/object-store.js';
import type { JobQueue } from './queue/job-queue.js';
import type { PgBossJobQueue } from './queue/pg-boss-job-queue.js';
import { SqliteJobQueue } from './queue/sqlite-job-queue.js';
import { createMemoryRateLimiter } from './rate-limit/flexible-rate-limiter.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import {
  dialectOf,
  openDatabase,
  type Database,
  type OpenDatabaseOptions,
} from './storage/database.js';
import { loadPg } from './storage/load-pg.js';
import type { Clock } from './util/clock.js';

/** The swappable parts, each chosen by configuration. */
export interface Backends {
  database: Database;
  queue: JobQueue;
  rateLimiter: RateLimiter;
  objects: ObjectStore;
  /** Which implementation each part runs on. */
  kinds: BackendKinds;
  /** Ends the connections the parts hold (after they have stopped). */
  release(): Promise<void>;
}

export interface BackendKinds {
  database: 'sqlite' | 'postgres';
  queue: 'sqlite' | 'pg-boss';
  rateLimiter: 'memory' | 'redis';
  objects: 'local' | 's3';
}

type Release = () => Promise<void>;

const UNIQUE_VIOLATION = '23505';

/**
 * Opens every part. The embedded default is SQLite, its own queue, memory
 * rate counts and local files; a postgres:// database brings pg-boss for
 * the queue, and Redis and S3 are used when configured. The client library
 * of each such engine is imported only then: together they hold about
 * 50 MB that a server on the embedded default would never use.
 */
export async function openBackends(
  config: SleeveConfig,
  clock: Clock,
  logger: Logger,
): Promise<Backends> {
  const releases: Release[] = [];
  try {
    const database = await opening('database', () =>
      openRecordDatabase(config),
    );
    releases.push(() => database.close());
    const queue = await opening('job queue', () =>
      openQueue(config, database, clock, logger, releases),
    );
    const rateLimiter = await opening('rate limit store', () =>
      openRateLimiter(config, logger),
    );
    const objects = await opening('object storage', () =>
      openObjects(config, releases),
    );
    const backends = {
      database,
      queue,
      rateLimiter,
      objects,
      kinds: kindsOf(config),
      release: () => releaseAll(releases),
    };
    logBackends(config, backends.kinds, logger);
    return backends;
  } catch (error) {
    await releaseAll(releases);
    throw error;
  }
}

export type BackendPart =
  'database' | 'job queue' | 'rate limit store' | 'object storage';

/**
 * A part that could not be opened at start: which one, with the engine's
 * own error as the cause, so a start-up failure can name what to fix.
 */
export class BackendOpenError extends Error {
  constructor(
    readonly part: BackendPart,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`cannot open the ${part}: ${reason}`, { cause });
    this.name = 'BackendOpenError';
  }
}

async function opening<T>(part: BackendPart, open: () => Promise<T>) {
  try {
    return await open();
  } catch (error) {
    throw new BackendOpenError(part, error);
  }
}

export async function closeBackends(backends: Backends): Promise<void> {
  await backends.queue.stop();
  await backends.rateLimiter.close();
  await backends.release();
}

/**
 * The record database, migrated. A configured Postgres schema is created
 * first, so an operator can give Sleeve a schema of a shared database.
 */
export async function openRecordDatabase(
  config: SleeveConfig,
  options: Pick<OpenDatabaseOptions, 'migrate'> = {},
): Promise<Database> {
  const { databaseUrl, databaseSchema } = config;
  if (dialectOf(databaseUrl) === 'postgres' && databaseSchema) {
    await createSchemaIfMissing(databaseUrl, databaseSchema);
    return openDatabase(databaseUrl, { ...options, schema: databaseSchema });
  }
  return openDatabase(databaseUrl, options);
}

/** The Postgres queue, installed or upgraded as it opens. */
export async function openPgBossQueue(
  config: SleeveConfig,
  logger: Logger,
): Promise<PgBossJobQueue> {
  const { PgBossJobQueue } = await import('./queue/pg-boss-job-queue.js');
  return PgBossJobQueue.open({
    connectionString: config.databaseUrl,
    schema: config.queue.schema,
    leaseSeconds: config.queue.leaseSec,
    logger,
  });
}

async function openQueue(
  config: SleeveConfig,
  database: Database,
  clock: Clock,
  logger: Logger,
  releases: Release[],
): Promise<JobQueue> {
  if (database.dialect === 'sqlite') {
    return new SqliteJobQueue(database, { clock, logger });
  }
  const queue = await openPgBossQueue(config, logger);
  // Runs before the database closes: releases go in reverse order.
  releases.push(() => queue.close());
  return queue;
}

async function openRateLimiter(
  config: SleeveConfig,
  logger: Logger,
): Promise<RateLimiter> {
  if (!config.redis) return createMemoryRateLimiter();
  const { openRedisRateLimiter } =
    await import('./rate-limit/redis-rate-limiter.js');
  return openRedisRateLimiter(config.redis, logger);
}

async function openObjects(
  config: SleeveConfig,
  releases: Release[],
): Promise<ObjectStore> {
  if (!config.s3) {
    return new LocalObjectStore(path.join(config.dataDir, 'objects'));
  }
  const { S3ObjectStore } = await import('./objects/s3-object-store.js');
  const store = S3ObjectStore.fromSettings(config.s3);
  releases.push(async () => store.close());
  return store;
}

async function createSchemaIfMissing(url: string, schema: string) {
  const pg = await loadPg();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The name was validated as a plain lowercase SQL name in the config.
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (error) {
    // Two processes starting at once: the other one created it.
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
  } finally {
    await client.end();
  }
}

async function releaseAll(releases: Release[]): Promise<void> {
  for (const release of releases.reverse()) await release();
  releases.length = 0;
}

function kindsOf(config: SleeveConfig): BackendKinds {
  const postgres = dialectOf(config.databaseUrl) === 'postgres';
  return {
    database: postgres ? 'postgres' : 'sqlite',
    queue: postgres ? 'pg-boss' : 'sqlite',
    rateLimiter: config.redis ? 'redis' : 'memory',
    objects: config.s3 ? 's3' : 'local',
  };
}

function logBackends(config: SleeveConfig, kinds: BackendKinds, log: Logger) {
  log.debug({ backends: kinds }, 'backends open');
  if (config.services.api && kinds.database === 'postgres' && !config.redis) {
    log.warn(
      'SLEEVE_REDIS_URL is not set: rate limits are counted per API ' +
        'process, so several API processes together allow more.',
    );
  }
}
