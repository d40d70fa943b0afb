import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Selectable } from 'kysely';
import type { Logger } from '../logger.js';
import type { Database } from '../storage/database.js';
import type { JobsTable } from '../storage/schema.js';
import type { Clock } from '../util/clock.js';
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

export interface SqliteJobQueueOptions {
  clock: Clock;
  logger: Logger;
  /**
   * How long a running job is reserved before others may take it over; the
   * lease is renewed while the job runs. Default 15 s.
   */
  leaseMs?: number;
  /** How often idle workers look for due jobs, in ms. */
  pollMs?: number;
}

interface Consumer {
  queue: QueueName;
  handler: JobHandler;
  concurrency: number;
  running: number;
  claiming: boolean;
}

/**
 * A durable queue in the embedded database. A job is claimed with one
 * atomic UPDATE that also takes over jobs whose lease ran out, so a job of a
 * killed process runs again after its lease.
 */
export class SqliteJobQueue implements JobQueue {
  private readonly consumers: Consumer[] = [];
  private readonly wake = new EventEmitter();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private timer: NodeJS.Timeout | undefined;
  private started = false;

  constructor(
    private readonly db: Database,
    private readonly options: SqliteJobQueueOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 15_000;
    this.pollMs = options.pollMs ?? 500;
  }

  async start(): Promise<void> {
    this.started = true;
    this.timer = setInterval(() => this.pump(), this.pollMs);
    this.timer.unref();
    this.wake.on('job', () => this.pump());
    this.pump();
  }

  async send(
    queue: QueueName,
    payload: JobPayload,
    options: SendOptions = {},
  ): Promise<void> {
    const now = this.options.clock.now();
    await this.db.kysely
      .insertInto('jobs')
      .values({
        id: randomUUID(),
        queue,
        payload: JSON.stringify(payload),
        singleton_key: options.singletonKey ?? null,
        state: 'queued',
        run_at: now + (options.startAfterMs ?? 0),
        attempts: 0,
        max_attempts: options.maxAttempts ?? 5,
        locked_until: null,
        last_error: null,
        created_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    if (!options.startAfterMs) this.wake.emit('job');
  }

  work(queue: QueueName, handler: JobHandler, options: WorkOptions): void {
    this.consumers.push({
      ...options,
      queue,
      handler,
      running: 0,
      claiming: false,
    });
    if (this.started) this.pump();
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    this.wake.removeAllListeners();
    await Promise.allSettled([...this.inFlight]);
  }

  private pump(): void {
    for (const consumer of this.consumers) {
      const full = consumer.running >= consumer.concurrency;
      if (!this.started || full || consumer.claiming) continue;
      consumer.claiming = true;
      consumer.running += 1;
      const run = this.runNext(consumer).then((ran) => {
        consumer.running -= 1;
        this.inFlight.delete(run);
        if (ran) this.pump();
      });
      this.inFlight.add(run);
    }
  }

  /** One claim at a time per queue; a claimed job frees the next claim. */
  private async runNext(consumer: Consumer): Promise<boolean> {
    let job: Job | undefined;
    try {
      job = await this.claim(consumer.queue);
    } catch (error) {
      this.options.logger.error({ err: error }, 'could not claim a job');
    } finally {
      consumer.claiming = false;
    }
    if (!job) return false;

    this.pump();
    await this.execute(consumer, job);
    return true;
  }

  private async claim(queue: QueueName): Promise<Job | undefined> {
    const now = this.options.clock.now();
    const row = await this.db.kysely
      .updateTable('jobs')
      .set((eb) => ({
        state: 'active',
        attempts: eb('attempts', '+', 1),
        locked_until: now + this.leaseMs,
      }))
      .where('id', '=', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('queue', '=', queue)
          .where((w) =>
            w.or([
              w.and([w('state', '=', 'queued'), w('run_at', '<=', now)]),
              w.and([w('state', '=', 'active'), w('locked_until', '<', now)]),
            ]),
          )
          .orderBy('run_at')
          .limit(1),
      )
      .returningAll()
      .executeTakeFirst();
    return row && toJob(row);
  }

  private async execute(consumer: Consumer, job: Job): Promise<void> {
    const renewal = this.keepLease(job);
    try {
      await consumer.handler(job);
      await this.db.kysely
        .deleteFrom('jobs')
        .where('id', '=', job.id)
        .execute();
    } catch (error) {
      // If even this fails, the job's lease runs out and it runs again.
      await this.reschedule(job, error).catch((err: unknown) =>
        this.options.logger.error({ err, jobId: job.id }, 'reschedule failed'),
      );
    } finally {
      clearInterval(renewal);
    }
  }

  /**
   * Renews a running job's lease every third of it. The lease can then be
   * short, so the job of a killed process runs again within seconds, and
   * still never run out under a job slower than the lease.
   */
  private keepLease(job: Job): NodeJS.Timeout {
    const renew = () =>
      this.db.kysely
        .updateTable('jobs')
        .set({ locked_until: this.options.clock.now() + this.leaseMs })
        .where('id', '=', job.id)
        .where('state', '=', 'active')
        .execute()
        .catch((err: unknown) =>
          this.options.logger.warn({ err, jobId: job.id }, 'lease not renewed'),
        );
    const timer = setInterval(() => void renew(), this.leaseMs / 3);
    timer.unref();
    return timer;
  }

  private async reschedule(job: Job, error: unknown): Promise<void> {
    const now = this.options.clock.now();
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RetryLaterError) {
      await this.requeue(job, now + error.delayMs, message, -1);
      return;
    }

    const row = await this.db.kysely
      .selectFrom('jobs')
      .select('max_attempts')
      .where('id', '=', job.id)
      .executeTakeFirst();
    if (row && job.attempt >= row.max_attempts) {
      this.options.logger.error(
        { err: error, jobId: job.id, queue: job.queue, payload: job.payload },
        'job failed for good',
      );
      await this.db.kysely
        .updateTable('jobs')
        .set({ state: 'failed', last_error: message, singleton_key: null })
        .where('id', '=', job.id)
        .execute();
      return;
    }
    this.options.logger.warn(
      { err: error, jobId: job.id, queue: job.queue, attempt: job.attempt },
      'job failed; will retry',
    );
    // 1 s, 4 s, 16 s, ... between attempts.
    await this.requeue(job, now + 1000 * 4 ** (job.attempt - 1), message, 0);
  }

  private async requeue(
    job: Job,
    runAt: number,
    lastError: string,
    attemptCredit: number,
  ): Promise<void> {
    await this.db.kysely
      .updateTable('jobs')
      .set((eb) => ({
        state: 'queued',
        run_at: runAt,
        locked_until: null,
        last_error: lastError,
        attempts: eb('attempts', '+', attemptCredit),
      }))
      .where('id', '=', job.id)
      .execute();
  }
}

function toJob(row: Selectable<JobsTable>): Job {
  return {
    id: row.id,
    queue: row.queue as QueueName,
    payload: JSON.parse(row.payload) as JobPayload,
    attempt: row.attempts,
  };
}
