import path from 'node:path';
import type { SleeveConfig } from './config/config.js';
import type { Logger } from './logger.js';
import { LocalObjectStore } from './objects/local-object-store.js';
import type { ObjectStore } from './objects/object-store.js';
import type { JobQueue } from './queue/job-queue.js';
import { SqliteJobQueue } from './queue/sqlite-job-queue.js';
import { createMemoryRateLimiter } from './rate-limit/flexible-rate-limiter.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import { openDatabase, type Database } from './storage/database.js';
import type { Clock } from './util/clock.js';

/** The swappable parts, each chosen by configuration. */
export interface Backends {
  database: Database;
  queue: JobQueue;
  rateLimiter: RateLimiter;
  objects: ObjectStore;
}

export async function openBackends(
  config: SleeveConfig,
  clock: Clock,
  logger: Logger,
): Promise<Backends> {
  const database = await openDatabase(config.databaseUrl);
  return {
    database,
    queue: openQueue(database, clock, logger),
    rateLimiter: createMemoryRateLimiter(),
    objects: new LocalObjectStore(path.join(config.dataDir, 'objects')),
  };
}

function openQueue(database: Database, clock: Clock, logger: Logger): JobQueue {
  if (database.dialect !== 'sqlite') {
    // TODO(#5): the Postgres job queue for the scale-out mode.
    throw new Error('SLEEVE_DATABASE_URL: Postgres is not supported yet.');
  }
  return new SqliteJobQueue(database, { clock, logger });
}

export async function closeBackends(backends: Backends): Promise<void> {
  await backends.queue.stop();
  await backends.rateLimiter.close();
  await backends.database.close();
}
