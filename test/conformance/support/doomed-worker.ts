// A worker that takes one render-cover job and never finishes it: the
// parent test kills this process with SIGKILL while the job runs.
import { openQueueFrom, type QueueSpec } from './queue-backends.js';

const spec = JSON.parse(process.argv[2] ?? '') as QueueSpec;
const { queue } = await openQueueFrom(spec);
setInterval(() => {}, 60_000);
queue.work(
  'render-cover',
  async (job) => {
    process.stdout.write(`took ${job.id}\n`);
    await new Promise(() => {});
  },
  { concurrency: 1 },
);
await queue.start();
