/**
 * The job queue behind cover renders and callback deliveries. The embedded
 * default keeps jobs in the SQLite database; the scale-out mode uses a
 * Postgres job queue. Jobs are at least once: a handler must be safe to run
 * again for the same job (a killed worker's job is run by another).
 */
export interface JobQueue {
  start(): Promise<void>;
  send(
    queue: QueueName,
    payload: JobPayload,
    options?: SendOptions,
  ): Promise<void>;
  /** Starts consuming `queue`; call before or after start(). */
  work(queue: QueueName, handler: JobHandler, options: WorkOptions): void;
  /** Stops taking jobs and waits for the running ones to finish. */
  stop(): Promise<void>;
}

export type QueueName = 'render-cover' | 'deliver-callback';

export type JobPayload = Record<string, string | number | boolean | null>;

export interface Job {
  id: string;
  queue: QueueName;
  payload: JobPayload;
  /** 1 on the first run. */
  attempt: number;
}

export type JobHandler = (job: Job) => Promise<void>;

export interface SendOptions {
  /** While a job with this key is queued or running, another is dropped. */
  singletonKey?: string;
  /** Delay before the job may run. Default 0. */
  startAfterMs?: number;
  /** Runs allowed before the job is given up as failed. Default 5. */
  maxAttempts?: number;
}

export interface WorkOptions {
  /** Jobs of this queue run at once in this process. */
  concurrency: number;
}

/**
 * Thrown by a handler whose job has not failed but must run again later
 * (a callback receiver that is down). Does not use up an attempt.
 */
export class RetryLaterError extends Error {
  constructor(
    readonly delayMs: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'RetryLaterError';
  }
}
