import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from '../logger.js';
import {
  RetryLaterError,
  type Job,
  type JobHandler,
  type JobPayload,
  type JobQueue,
  type QueueName,
  type SendOptions,
  type WorkOptions,
} from './job-queue.js';

export interface PgBossJobQueueOptions {
  connectionString: string;
  /** The schema pg-boss installs itself in (created on first open). */
  schema: string;
  logger: Logger;
  /**
   * Seconds a running job is reserved for its worker. The worker renews it
   * every third of that while the job runs, so a slow job keeps it; once
   * renewals stop (the worker was killed) the job expires and runs again
   * on another worker.
   */
  leaseSeconds: number;
  /** How often idle consumers ask for due jobs, in ms. Default 500. */
  pollMs?: number;
  /** Connections of this queue's own pool. Default 4. */
  poolSize?: number;
}

/** What a pg-boss job carries: the payload and the attempts spent before. */
interface JobData {
  payload: JobPayload;
  /** Attempts used by earlier jobs of the same work (see retry-later). */
  spent: number;
}

type BossJob = PgBoss.JobWithMetadata<JobData>;

interface Consumer {
  queue: QueueName;
  handler: JobHandler;
  concurrency: number;
  running: number;
  fetching: boolean;
}

const QUEUES: QueueName[] = ['render-cover', 'deliver-callback'];

/**
 * The scale-out job queue: pg-boss in its own Postgres schema. Sleeve runs
 * its own fetch loop over pg-boss's fetch/complete/fail so that it keeps
 * the embedded queue's semantics exactly:
 *
 * - singleton keys: a send is dropped while a job with its key is queued,
 *   retrying or active (pg-boss's own singleton policies cover only some of
 *   these states), checked under an advisory lock on the key;
 * - RetryLaterError: the job is completed and a fresh one sent with
 *   `startAfter`, in one transaction, carrying the attempts spent so far,
 *   so the wait uses up no attempt;
 * - a killed worker: its lease is renewed no more, the job expires and
 *   pg-boss's maintenance (one process per interval, cluster-wide) puts it
 *   back, to run on another worker.
 */
export class PgBossJobQueue implements JobQueue {
  private readonly consumers: Consumer[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** Jobs running in this process, by id: the leases to renew. */
  private readonly running = new Map<string, QueueName>();
  private timer: NodeJS.Timeout | undefined;
  private renewal: NodeJS.Timeout | undefined;
  private started = false;
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly boss: PgBoss,
    private readonly options: PgBossJobQueueOptions,
  ) {}

  /** Connects, installs or upgrades pg-boss's schema, creates the queues. */
  static async open(options: PgBossJobQueueOptions): Promise<PgBossJobQueue> {
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 4,
      application_name: 'sleeve-queue',
    });
    pool.on('error', (error) =>
      options.logger.warn({ err: error }, 'queue: idle connection failed'),
    );
    const boss = new PgBoss(bossConfig(pool, options));
    boss.on('error', (error) =>
      options.logger.error({ err: error }, 'queue: pg-boss maintenance failed'),
    );
    try {
      await boss.start();
      for (const queue of QUEUES) await boss.createQueue(queue);
      await createSingletonIndex(pool, options.schema);
    } catch (error) {
      await boss.stop({ graceful: false }).catch(() => undefined);
      await pool.end();
      throw error;
    }
    return new PgBossJobQueue(pool, boss, options);
  }

  async start(): Promise<void> {
    this.started = true;
    this.timer = setInterval(() => this.pump(), this.options.pollMs ?? 500);
    this.timer.unref();
    const renewMs = (this.options.leaseSeconds * 1000) / 3;
    this.renewal ??= setInterval(() => void this.renewLeases(), renewMs);
    this.renewal.unref();
    this.pump();
  }

  async send(
    queue: QueueName,
    payload: JobPayload,
    options: SendOptions = {},
  ): Promise<void> {
    const data: JobData = { payload, spent: 0 };
    const retryLimit = (options.maxAttempts ?? 5) - 1;
    const { singletonKey, startAfterMs } = options;
    if (!singletonKey) {
      await this.boss.send(queue, data, this.jobOptions(retryLimit, options));
    } else {
      await this.inTransaction(async (db) => {
        await lockKey(db, queue, singletonKey);
        if (await this.holdsKey(db, queue, singletonKey)) return;
        await this.boss.send(queue, data, {
          ...this.jobOptions(retryLimit, options),
          db,
        });
      });
    }
    if (!startAfterMs) this.pump();
  }

  work(queue: QueueName, handler: JobHandler, options: WorkOptions): void {
    this.consumers.push({
      ...options,
      queue,
      handler,
      running: 0,
      fetching: false,
    });
    this.pump();
  }

  /** Stops fetching and waits for the running jobs; idempotent. */
  stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    this.stopping ??= this.drain();
    return this.stopping;
  }

  /** Stops, then ends pg-boss's maintenance and this queue's connections. */
  async close(): Promise<void> {
    await this.stop();
    await this.boss.stop({ graceful: false, close: false });
    await this.pool.end();
  }

  private jobOptions(retryLimit: number, options: SendOptions) {
    return {
      retryLimit: Math.max(0, retryLimit),
      retryDelay: 1,
      retryBackoff: true,
      expireInSeconds: this.options.leaseSeconds,
      ...(options.singletonKey && { singletonKey: options.singletonKey }),
      // pg-boss reads a bare number as seconds; fractions are kept.
      ...(options.startAfterMs && { startAfter: options.startAfterMs / 1000 }),
    };
  }

  private pump(): void {
    for (const consumer of this.consumers) this.fill(consumer);
  }

  /** Fetches as many due jobs as the consumer has free slots. */
  private fill(consumer: Consumer): void {
    const free = consumer.concurrency - consumer.running;
    if (!this.started || free <= 0 || consumer.fetching) return;
    consumer.fetching = true;
    const fetched = this.fetch(consumer.queue, free).then((jobs) => {
      consumer.fetching = false;
      // Jobs fetched while stopping still run: they are ours now.
      for (const job of jobs) this.track(consumer, job);
      if (jobs.length === free) this.fill(consumer);
    });
    this.hold(fetched);
  }

  private async fetch(queue: QueueName, count: number): Promise<BossJob[]> {
    try {
      return await this.boss.fetch<JobData>(queue, {
        batchSize: count,
        includeMetadata: true,
      });
    } catch (error) {
      this.options.logger.error({ err: error, queue }, 'queue: fetch failed');
      return [];
    }
  }

  private track(consumer: Consumer, job: BossJob): void {
    consumer.running += 1;
    this.running.set(job.id, consumer.queue);
    const run = this.execute(consumer, job).finally(() => {
      consumer.running -= 1;
      this.running.delete(job.id);
      this.fill(consumer);
    });
    this.hold(run);
  }

  /** Keeps a fetch or a run in view until it settles, for stop(). */
  private hold(work: Promise<void>): void {
    this.inFlight.add(work);
    const forget = () => this.inFlight.delete(work);
    work.then(forget, forget);
  }

  private async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled(this.inFlight);
    clearInterval(this.renewal);
  }

  /**
   * pg-boss expires a job at started_on + expire_in and has no heartbeat
   * of its own; moving started_on forward is that heartbeat.
   */
  private async renewLeases(): Promise<void> {
    for (const queue of QUEUES) {
      const ids = [...this.running].flatMap(([id, q]) =>
        q === queue ? [id] : [],
      );
      if (ids.length === 0) continue;
      await this.pool
        .query(
          `UPDATE ${this.options.schema}.job SET started_on = now()
            WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'active'`,
          [queue, ids],
        )
        .catch((error: unknown) =>
          this.options.logger.warn({ err: error, queue }, 'lease not renewed'),
        );
    }
  }

  private async execute(consumer: Consumer, job: BossJob): Promise<void> {
    try {
      await consumer.handler(toJob(consumer.queue, job));
      await this.boss.complete(consumer.queue, job.id);
    } catch (error) {
      // If even this fails, the job expires and runs again.
      await this.settleFailure(consumer.queue, job, error).catch(
        (err: unknown) =>
          this.options.logger.error(
            { err, jobId: job.id },
            'queue: could not record a job failure',
          ),
      );
    }
  }

  private async settleFailure(
    queue: QueueName,
    job: BossJob,
    error: unknown,
  ): Promise<void> {
    if (error instanceof RetryLaterError) {
      await this.resendLater(queue, job, error.delayMs);
      return;
    }
    const attempt = attemptOf(job);
    const final = job.retryCount >= job.retryLimit;
    const log = { err: error, jobId: job.id, queue, attempt };
    if (final) this.options.logger.error(log, 'job failed for good');
    else this.options.logger.warn(log, 'job failed; will retry');
    const message = error instanceof Error ? error.message : String(error);
    await this.boss.fail(queue, job.id, { message });
  }

  /** Completes the job and queues its fresh copy, atomically. */
  private async resendLater(
    queue: QueueName,
    job: BossJob,
    delayMs: number,
  ): Promise<void> {
    const data: JobData = {
      payload: job.data.payload,
      spent: job.data.spent + job.retryCount,
    };
    const key = job.singletonKey ?? undefined;
    const options = {
      ...this.jobOptions(job.retryLimit - job.retryCount, {
        startAfterMs: Math.max(1, delayMs),
        ...(key && { singletonKey: key }),
      }),
    };
    await this.inTransaction(async (db) => {
      if (key) await lockKey(db, queue, key);
      await this.boss.complete(queue, job.id, {}, { db });
      await this.boss.send(queue, data, { ...options, db });
    });
  }

  private async holdsKey(
    db: PgBoss.Db,
    queue: QueueName,
    key: string,
  ): Promise<boolean> {
    const { rows } = await db.executeSql(
      `SELECT 1 FROM ${this.options.schema}.job
        WHERE name = $1 AND singleton_key = $2 AND state < 'completed'
        LIMIT 1`,
      [queue, key],
    );
    return rows.length > 0;
  }

  private async inTransaction<T>(
    work: (db: PgBoss.Db) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    const db: PgBoss.Db = {
      executeSql: (text, values) => client.query(text, values),
    };
    try {
      await client.query('BEGIN');
      const result = await work(db);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

function bossConfig(
  pool: pg.Pool,
  options: PgBossJobQueueOptions,
): PgBoss.ConstructorOptions {
  return {
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: options.schema,
    // Expiry is found by maintenance, so it runs often enough that an
    // abandoned job waits at most a fifth of its lease more.
    supervise: true,
    maintenanceIntervalSeconds: Math.min(
      60,
      Math.max(1, Math.floor(options.leaseSeconds / 5)),
    ),
    schedule: false,
    archiveCompletedAfterSeconds: 3600,
    archiveFailedAfterSeconds: 7 * 24 * 3600,
    deleteAfterDays: 7,
  };
}

/**
 * pg-boss has no index for "a live job with this key" under its standard
 * policy; this one keeps the singleton check cheap as the table grows. An
 * index on the partitioned table reaches every queue's partition.
 */
async function createSingletonIndex(
  pool: pg.Pool,
  schema: string,
): Promise<void> {
  // Creating it locks the job table for a moment: only when it is missing.
  const name = `${schema}.sleeve_live_singleton`;
  const found = await pool.query('SELECT to_regclass($1) AS oid', [name]);
  if (found.rows[0]?.oid) return;

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
      `sleeve-index:${schema}`,
    ]);
    await client.query(
      `CREATE INDEX IF NOT EXISTS sleeve_live_singleton
         ON ${schema}.job (name, singleton_key)
         WHERE state < 'completed' AND singleton_key IS NOT NULL`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Serialises sends of one key until the transaction ends. */
async function lockKey(
  db: PgBoss.Db,
  queue: QueueName,
  key: string,
): Promise<void> {
  await db.executeSql(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `${queue}:${key}`,
  ]);
}

/** pg-boss counts retries from 0; earlier resends add theirs. */
function attemptOf(job: BossJob): number {
  return job.data.spent + job.retryCount + 1;
}

function toJob(queue: QueueName, job: BossJob): Job {
  return {
    id: job.id,
    queue,
    payload: job.data.payload,
    attempt: attemptOf(job),
  };
}
