import type { Logger } from '../logger.js';
import type { ObjectStore } from '../objects/object-store.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { Stores } from '../storage/stores.js';
import type { Clock } from '../util/clock.js';
import { renderJobKey } from './cover-service.js';
import { deliveryJobKey } from './render-cover-task.js';

export interface HousekeepingDeps {
  stores: Stores;
  objects: ObjectStore;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
}

/** Work older than this with no finished state is queued again. */
const GRACE_MS = 5_000;
const BATCH = 500;

/**
 * Repairs what a crash can leave behind and applies retention. A process
 * killed between committing a task and queueing its job leaves a task with
 * no job; the singleton keys make re-queueing harmless when a job exists.
 */
export class Housekeeping {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly deps: HousekeepingDeps) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
    void this.runOnce();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; overlapping calls share the pass in progress. */
  runOnce(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      await this.requeueUnfinishedTasks();
      await this.requeueDueDeliveries();
      await this.deleteExpiredImages();
    } catch (error) {
      this.deps.logger.error({ err: error }, 'housekeeping pass failed');
    }
  }

  private async requeueUnfinishedTasks(): Promise<void> {
    const before = this.deps.clock.now() - GRACE_MS;
    const tasks = await this.deps.stores.coverTasks.listUnfinished(
      before,
      BATCH,
    );
    for (const task of tasks) {
      await this.deps.queue.send(
        'render-cover',
        { taskId: task.taskId },
        { singletonKey: renderJobKey(task.taskId) },
      );
    }
  }

  private async requeueDueDeliveries(): Promise<void> {
    const due = this.deps.clock.now() - GRACE_MS;
    const deliveries = await this.deps.stores.deliveries.listDue(due, BATCH);
    for (const delivery of deliveries) {
      await this.deps.queue.send(
        'deliver-callback',
        { deliveryId: delivery.id },
        { singletonKey: deliveryJobKey(delivery.id) },
      );
    }
  }

  private async deleteExpiredImages(): Promise<void> {
    const now = this.deps.clock.now();
    const expired = await this.deps.stores.images.listExpired(now, BATCH);
    for (const image of expired) await this.deps.objects.delete(image.name);
    await this.deps.stores.images.markDeleted(expired.map((i) => i.name));
    if (expired.length > 0) {
      this.deps.logger.info(
        { count: expired.length },
        'expired images deleted',
      );
    }
  }
}
