import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import {
  RetryLaterError,
  type Job,
  type JobHandler,
  type JobQueue,
} from '../../../src/queue/job-queue.js';

export interface JobQueueHarness {
  /** A queue over this harness's store, as one more process would open. */
  open(): Promise<JobQueue>;
  /**
   * A worker in a child process over the same store that takes one
   * render-cover job and hangs in it; answers once it has taken it.
   */
  spawnWorker(): Promise<{ jobId: string; kill(): Promise<void> }>;
  /** Stops every queue opened and drops the store. */
  close(): Promise<void>;
}

interface Run {
  job: Job;
  at: number;
}

const QUEUE = 'render-cover';
const WORK = { concurrency: 4 };

/**
 * What every JobQueue must do. Each test gets a fresh store, since the
 * queue names are fixed. Waits are bounded; "no further run" is checked by
 * waiting past the point where a wrong queue would have run the job.
 */
export function jobQueueSuite(
  name: string,
  openHarness: () => Promise<JobQueueHarness>,
): void {
  describe(`JobQueue: ${name}`, () => {
    const withQueue = (
      title: string,
      body: (harness: JobQueueHarness) => Promise<void>,
    ) =>
      test(title, { timeout: 60_000 }, async () => {
        const harness = await openHarness();
        try {
          await body(harness);
        } finally {
          await harness.close();
        }
      });

    withQueue('a sent job runs once, with its payload', async (h) => {
      const queue = await h.open();
      const runs = record(queue);
      await queue.start();
      await queue.send(QUEUE, { taskId: 'a', n: 7, ok: true, none: null });

      await until(() => runs.length === 1);
      await sleep(1_000);
      assert.equal(runs.length, 1);
      assert.deepEqual(runs[0]?.job.payload, {
        taskId: 'a',
        n: 7,
        ok: true,
        none: null,
      });
      assert.equal(runs[0]?.job.attempt, 1);
      assert.equal(runs[0]?.job.queue, QUEUE);
    });

    withQueue('jobs sent before work() wait for a consumer', async (h) => {
      const queue = await h.open();
      await queue.start();
      await queue.send(QUEUE, { taskId: 'early' });
      await queue.send('deliver-callback', { deliveryId: 'other' });
      await sleep(300);
      const runs = record(queue);
      await until(() => runs.length === 1);
      assert.equal(runs[0]?.job.payload['taskId'], 'early');
    });

    withQueue('several processes share the jobs; each runs once', async (h) => {
      const [a, b] = [await h.open(), await h.open()];
      const runs: Run[] = [];
      for (const queue of [a, b]) {
        record(queue, async () => sleep(20), runs);
        await queue.start();
      }
      const sender = await h.open();
      for (let i = 0; i < 40; i += 1) await sender.send(QUEUE, { n: i });

      await until(() => runs.length >= 40);
      await sleep(1_000);
      const seen = runs.map((r) => Number(r.job.payload['n'])).sort(byNumber);
      assert.deepEqual(seen, [...Array(40).keys()]);
    });

    withQueue('concurrency caps the jobs running at once', async (h) => {
      const queue = await h.open();
      let running = 0;
      let peak = 0;
      let done = 0;
      queue.work(
        QUEUE,
        async () => {
          running += 1;
          peak = Math.max(peak, running);
          await sleep(150);
          running -= 1;
          done += 1;
        },
        { concurrency: 2 },
      );
      await queue.start();
      for (let i = 0; i < 6; i += 1) await queue.send(QUEUE, { n: i });

      await until(() => done === 6);
      assert.equal(peak, 2);
    });

    withQueue(
      'a failing job runs again until maxAttempts, then stops',
      async (h) => {
        const queue = await h.open();
        const runs = record(queue, async () => {
          throw new Error('render crashed');
        });
        await queue.start();
        await queue.send(QUEUE, { taskId: 'f' }, { maxAttempts: 2 });

        await until(() => runs.length === 2, 20_000);
        // Either backend would retry within 4 s; a third run must not come.
        await sleep(4_500);
        assert.deepEqual(
          runs.map((r) => r.job.attempt),
          [1, 2],
        );
      },
    );

    withQueue(
      'the job of a worker killed mid-job runs again elsewhere',
      async (h) => {
        const sender = await h.open();
        await sender.send(QUEUE, { taskId: 'killed' });
        const doomed = await h.spawnWorker();
        await doomed.kill();

        const rescuer = await h.open();
        const runs = record(rescuer);
        await rescuer.start();
        await until(() => runs.length === 1, 30_000);
        assert.equal(runs[0]?.job.id, doomed.jobId);
        assert.equal(runs[0]?.job.payload['taskId'], 'killed');
        assert.equal(runs[0]?.job.attempt, 2);
      },
    );

    withQueue('a slow job keeps its lease while it runs', async (h) => {
      const [a, b] = [await h.open(), await h.open()];
      const runs: Run[] = [];
      // Five leases long: without renewal another worker would take it.
      record(a, () => sleep(5_000), runs);
      await a.start();
      await a.send(QUEUE, { taskId: 'slow' });
      await until(() => runs.length === 1);
      record(b, async () => {}, runs);
      await b.start();

      await sleep(6_000);
      assert.equal(runs.length, 1);
    });

    withQueue(
      'RetryLaterError reruns after its delay, using no attempt',
      async (h) => {
        const queue = await h.open();
        const runs = record(queue, async (job, count) => {
          if (count < 3) throw new RetryLaterError(800, 'receiver down');
        });
        await queue.start();
        await queue.send(QUEUE, { taskId: 'later' }, { maxAttempts: 1 });

        await until(() => runs.length === 3, 20_000);
        assert.deepEqual(
          runs.map((r) => r.job.attempt),
          [1, 1, 1],
        );
        for (const [i, run] of runs.slice(1).entries()) {
          const gap = run.at - (runs[i]?.at ?? 0);
          assert.ok(gap >= 750, `run ${i + 2} came ${gap} ms after the last`);
        }
        await sleep(1_500);
        assert.equal(runs.length, 3);
      },
    );

    withQueue(
      'RetryLaterError keeps the attempts spent before it',
      async (h) => {
        const queue = await h.open();
        const runs = record(queue, async (job) => {
          if (job.attempt === 1) throw new Error('first run crashed');
          throw new RetryLaterError(300, 'then the receiver is down');
        });
        await queue.start();
        await queue.send(QUEUE, { taskId: 'mixed' }, { maxAttempts: 2 });

        await until(() => runs.length >= 3, 20_000);
        assert.deepEqual(
          runs.slice(0, 3).map((r) => r.job.attempt),
          [1, 2, 2],
        );
      },
    );

    withQueue('a second send with a queued key is dropped', async (h) => {
      const queue = await h.open();
      await queue.start();
      const key = { singletonKey: 'render:one' };
      await queue.send(QUEUE, { n: 1 }, key);
      await queue.send(QUEUE, { n: 2 }, key);
      await queue.send(QUEUE, { n: 3 }, { singletonKey: 'render:two' });
      const runs = record(queue);

      await until(() => runs.length === 2);
      await sleep(1_000);
      assert.deepEqual(runs.map((r) => r.job.payload['n']).sort(), [1, 3]);
    });

    withQueue('racing sends of one key queue one job', async (h) => {
      const [a, b] = [await h.open(), await h.open()];
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? a : b).send(QUEUE, { n: i }, { singletonKey: 'race' }),
        ),
      );
      const runs = record(a);
      await a.start();
      await until(() => runs.length === 1);
      await sleep(1_000);
      assert.equal(runs.length, 1);
    });

    withQueue(
      'a send while the key’s job runs is dropped; after, it is free',
      async (h) => {
        const queue = await h.open();
        const release = gate();
        const runs = record(queue, async (job) => {
          if (job.payload['n'] === 1) await release.wait;
        });
        await queue.start();
        const key = { singletonKey: 'deliver:x' };
        await queue.send(QUEUE, { n: 1 }, key);
        await until(() => runs.length === 1);

        await queue.send(QUEUE, { n: 2 }, key);
        release.open();
        await sleep(1_000);
        assert.equal(runs.length, 1);

        await queue.send(QUEUE, { n: 3 }, key);
        await until(() => runs.length === 2);
        assert.equal(runs[1]?.job.payload['n'], 3);
      },
    );

    withQueue('a job that failed for good frees its key', async (h) => {
      const queue = await h.open();
      const runs = record(queue, async (job) => {
        if (job.payload['n'] === 1) throw new Error('bad input');
      });
      await queue.start();
      const options = { singletonKey: 'doomed', maxAttempts: 1 };
      await queue.send(QUEUE, { n: 1 }, options);
      await until(() => runs.length === 1);
      await sleep(300);

      await queue.send(QUEUE, { n: 2 }, options);
      await until(() => runs.length === 2);
      assert.equal(runs[1]?.job.payload['n'], 2);
    });

    withQueue('startAfterMs holds a job back', async (h) => {
      const queue = await h.open();
      const runs = record(queue);
      await queue.start();
      const sentAt = Date.now();
      await queue.send(QUEUE, { n: 1 }, { startAfterMs: 1_200 });

      await until(() => runs.length === 1, 10_000);
      const waited = (runs[0]?.at ?? 0) - sentAt;
      assert.ok(waited >= 1_150, `ran after ${waited} ms`);
    });

    withQueue('stop lets running jobs finish and takes no more', async (h) => {
      const queue = await h.open();
      let finished = 0;
      const runs = record(queue, async () => {
        await sleep(400);
        finished += 1;
      });
      await queue.start();
      await queue.send(QUEUE, { n: 1 });
      await until(() => runs.length === 1);

      await queue.stop();
      assert.equal(finished, 1);
      const later = await h.open();
      await later.send(QUEUE, { n: 2 });
      await sleep(800);
      assert.equal(runs.length, 1);

      // The finished job was recorded as done: a new consumer sees only n=2.
      const next = record(later);
      await later.start();
      await until(() => next.length === 1);
      await sleep(500);
      assert.deepEqual(
        next.map((r) => r.job.payload['n']),
        [2],
      );
    });
  });
}

/** Consumes QUEUE, noting each run; `act` sees how many runs came before. */
function record(
  queue: JobQueue,
  act: (job: Job, count: number) => Promise<unknown> = async () => {},
  runs: Run[] = [],
): Run[] {
  const handler: JobHandler = async (job) => {
    runs.push({ job, at: Date.now() });
    await act(job, runs.length);
  };
  queue.work(QUEUE, handler, WORK);
  return runs;
}

function gate() {
  let open = () => {};
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open: () => open() };
}

async function until(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

const byNumber = (a: number, b: number) => a - b;
