import { postCallback } from '../delivery/post-callback.js';
import { nextRetryDelayMs } from '../delivery/retry-schedule.js';
import { buildCallbackHeaders } from '../delivery/sign-callback.js';
import type { Logger } from '../logger.js';
import { RetryLaterError, type Job } from '../queue/job-queue.js';
import type { DeliveryStore } from '../storage/delivery-store.js';
import type { Delivery } from '../storage/records.js';
import type { Clock } from '../util/clock.js';

export interface DeliverCallbackDeps {
  deliveries: DeliveryStore;
  clock: Clock;
  logger: Logger;
  webhookKey: string | undefined;
  timeoutMs: number;
  retryDelaysSec: readonly number[];
  allowPrivate: boolean;
  /** Stops attempts in flight at shutdown (they are retried later). */
  signal?: AbortSignal;
}

/**
 * The `deliver-callback` job: one attempt at one stored delivery. A failed
 * attempt is recorded and the job asks to run again after the schedule's
 * next wait; the delivery record, not the job, counts the attempts.
 */
export class DeliverCallback {
  constructor(private readonly deps: DeliverCallbackDeps) {}

  readonly handle = async (job: Job): Promise<void> => {
    const id = String(job.payload['deliveryId']);
    const delivery = await this.deps.deliveries.get(id);
    if (!delivery || delivery.status !== 'pending') return;
    await this.attempt(delivery);
  };

  private async attempt(delivery: Delivery): Promise<void> {
    const log = this.deps.logger.child({ taskId: delivery.taskId });
    const headers = buildCallbackHeaders({
      taskId: delivery.taskId,
      body: delivery.body,
      key: this.deps.webhookKey,
      timestampSec: Math.floor(this.deps.clock.now() / 1000),
    });
    const outcome = await postCallback(delivery.url, delivery.body, headers, {
      timeoutMs: this.deps.timeoutMs,
      allowPrivate: this.deps.allowPrivate,
      ...(this.deps.signal ? { signal: this.deps.signal } : {}),
    });
    const now = this.deps.clock.now();
    const attempt = delivery.attempts + 1;

    if (outcome.ok) {
      await this.deps.deliveries.recordAttempt(delivery.id, {
        status: 'delivered',
        httpStatus: outcome.status,
        error: null,
        nextAttemptAt: now,
        now,
      });
      log.info({ attempt, status: outcome.status }, 'callback delivered');
      return;
    }

    const delay = outcome.retryable
      ? nextRetryDelayMs(attempt, {
          delaysSec: this.deps.retryDelaysSec,
          seed: delivery.id,
        })
      : null;
    await this.deps.deliveries.recordAttempt(delivery.id, {
      status: delay === null ? 'failed' : 'pending',
      httpStatus: outcome.status ?? null,
      error: outcome.error,
      nextAttemptAt: now + (delay ?? 0),
      now,
    });
    if (delay === null) {
      log.warn({ attempt, error: outcome.error }, 'callback given up');
      return;
    }
    log.info(
      { attempt, error: outcome.error, retryInMs: delay },
      'callback failed; will retry',
    );
    throw new RetryLaterError(delay, outcome.error);
  }
}
