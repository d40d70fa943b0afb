import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openRecordDatabase } from '../../src/backends.js';
import { loadConfig } from '../../src/config/config.js';
import { toMicro } from '../../src/storage/records.js';
import { request, type ApiAnswer } from '../support/sleeve-server.js';
import { decodeImage } from '../support/tracks.js';
import { isRunning, startCluster, type Cluster } from './support/cluster.js';
import { mapLimit } from './support/map-limit.js';

/**
 * Two API and two worker processes on Postgres, Redis and S3. A thousand
 * cover tasks go in through both APIs; one worker is SIGKILLed midway.
 */
const TASKS = 1_000;
const CREDITS = 1_500;
const POLL_LIMIT = 5;

let cluster: Cluster;
const taskIds: string[] = [];

before(async () => {
  cluster = await startCluster({
    apis: 2,
    workers: 2,
    credits: CREDITS,
    env: {
      SLEEVE_IMAGE_SIZE: '256',
      SLEEVE_RENDER_THREADS: '1',
      SLEEVE_RATE_GENERATE: '100000/10s',
      SLEEVE_RATE_POLL: `${POLL_LIMIT}/60s`,
      // A killed worker's jobs run again 6 s after its last renewal.
      SLEEVE_JOB_LEASE_SEC: '6',
      SLEEVE_LOG_LEVEL: 'info',
    },
  });
});
after(() => cluster?.close());

/** Alternates between the API processes, as a load balancer would. */
function api(index: number, method: string, route: string, body?: unknown) {
  const target = cluster.apis[index % cluster.apis.length];
  if (!target) throw new Error('no API process');
  return request(
    target.url,
    method,
    route,
    body,
    cluster.env['SLEEVE_API_KEY'],
  );
}

test(
  '1,000 covers through two APIs survive a worker killed midway',
  { timeout: 270_000 },
  async (t) => {
    const parents = await mapLimit(
      Array.from({ length: TASKS }, (_, i) => i),
      16,
      async (i) => {
        const made = await api(i, 'POST', '/api/v1/sleeve/music', {
          title: `Cluster Track ${i}`,
          tags: ['synthwave', 'folk', 'drum and bass', 'ambient'][i % 4],
          artist: 'Load Test',
        });
        assert.equal(made.body.code, 200, made.body.msg);
        return made.body.data.taskId as string;
      },
    );

    // The kill waits until every task is queued, so the workers have a
    // backlog and the victim is busy when it dies. A timer, not a
    // callback, sets it off: a callback comes just after a render ended,
    // the one moment the victim holds no render.
    const killAt = Math.floor(TASKS * 0.3);
    const [victim, survivor] = cluster.workers;
    let submitted = false;
    let killed: Promise<void> | undefined;
    const trigger = setInterval(() => {
      if (killed || !submitted || distinctTasks() < killAt) return;
      killed = victim?.kill('SIGKILL');
      clearInterval(trigger);
    }, 37);
    trigger.unref();

    const began = Date.now();
    const created = await mapLimit(parents, 16, (parent, i) =>
      api(i, 'POST', '/api/v1/suno/cover/generate', {
        taskId: parent,
        callBackUrl: cluster.receiver.url,
      }),
    );
    submitted = true;
    t.diagnostic(
      `${TASKS} tasks queued in ${Date.now() - began} ms; ` +
        `${distinctTasks()} called back by then`,
    );
    for (const answer of created) {
      assert.equal(answer.body.code, 200, answer.body.msg);
      taskIds.push(answer.body.data.taskId);
    }
    assert.equal(new Set(taskIds).size, TASKS);

    await waitForAllCallbacks(240_000);
    t.diagnostic(`all called back ${Date.now() - began} ms after the first`);
    const renders = cluster.workers.map(
      (w) => w.output().match(/cover task succeeded/g)?.length ?? 0,
    );
    t.diagnostic(`renders by worker (killed one first): ${renders}`);
    assert.ok(killed, 'the worker was killed midway');
    await killed;
    assert.equal(victim?.child.signalCode, 'SIGKILL');
    assert.equal(survivor?.child.exitCode, null, 'the other worker lives');

    const bodies = cluster.receiver.received.map((c) => c.json);
    for (const body of bodies) {
      assert.equal(body.code, 200);
      assert.equal(body.data.images.length, 2);
    }
    assert.deepEqual(
      new Set(bodies.map((b) => b.data.taskId)),
      new Set(taskIds),
    );
  },
);

test('APIs only serve and workers only work', () => {
  for (const api of cluster.apis) {
    assert.match(api.output(), /Server listening at/);
    assert.doesNotMatch(api.output(), /cover task succeeded/);
  }
  for (const worker of cluster.workers) {
    assert.doesNotMatch(worker.output(), /Server listening at/);
  }
  const renders = cluster.workers.map(
    (w) => w.output().match(/cover task succeeded/g)?.length ?? 0,
  );
  // The log is written asynchronously, so the worker killed with SIGKILL
  // may lose its last lines; every task's success is proven on the
  // database in the next test. A task taken over from it is logged twice.
  const logged = renders.reduce((a, b) => a + b, 0);
  assert.ok(
    logged >= TASKS - 5 && logged <= TASKS + 5,
    `${logged} renders logged for ${TASKS} tasks`,
  );
  assert.ok(
    renders.every((n) => n > 0),
    'both workers rendered',
  );
});

test('every task succeeded and was charged exactly once', async (t) => {
  assert.equal(taskIds.length, TASKS, 'the load test ran');
  const database = await openRecordDatabase(loadConfig(cluster.env));
  try {
    const tasks = await database.kysely
      .selectFrom('cover_tasks')
      .select(['task_id', 'status', 'charged_micro', 'refunded', 'attempts'])
      .execute();
    assert.equal(tasks.length, TASKS);
    assert.ok(tasks.every((t) => t.status === 'success'));
    assert.ok(tasks.every((t) => Number(t.charged_micro) === toMicro(1)));
    assert.ok(tasks.every((t) => t.refunded === 0));
    const rerun = tasks.filter((task) => task.attempts > 1).length;
    const calls = cluster.receiver.received.length;
    t.diagnostic(`${rerun} tasks started again; ${calls} callbacks in all`);
    const key = await database.kysely
      .selectFrom('api_keys')
      .select('credits_micro')
      .executeTakeFirstOrThrow();
    assert.equal(Number(key.credits_micro), toMicro(CREDITS - TASKS));
    const images = await database.kysely
      .selectFrom('images')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(images.n), 2 * TASKS);
  } finally {
    await database.close();
  }
});

test('record-info agrees on both APIs and image URLs work from workers', async () => {
  const sample = taskIds.slice(0, 10);
  for (const [i, taskId] of sample.entries()) {
    const route = `/api/v1/suno/cover/record-info?taskId=${taskId}`;
    const [a, b] = [await api(i, 'GET', route), await api(i + 1, 'GET', route)];
    assert.equal(a.body.data.successFlag, 1);
    assert.deepEqual(a.body.data, b.body.data);
    for (const url of a.body.data.response.images as string[]) {
      assert.ok(url.startsWith(`${cluster.proxy.url}/media/images/`), url);
    }
  }
  const first = await api(
    0,
    'GET',
    `/api/v1/suno/cover/record-info?taskId=${sample[0]}`,
  );
  const [url] = first.body.data.response.images as string[];
  const image = await fetch(url ?? '');
  assert.equal(image.status, 200);
  const decoded = await decodeImage(Buffer.from(await image.arrayBuffer()));
  assert.deepEqual([decoded.width, decoded.height], [256, 256]);
});

test('a worker stopped with SIGTERM finishes its jobs first', async () => {
  const survivor = cluster.workers.find(isRunning);
  assert.ok(survivor, 'a worker is running');
  const extra = 40;
  const parents = await mapLimit(
    Array.from({ length: extra }, (_, i) => i),
    8,
    async (i) =>
      (await api(i, 'POST', '/api/v1/sleeve/music', { title: `Drain ${i}` }))
        .body.data.taskId as string,
  );
  const created = await mapLimit(parents, 8, (parent, i) =>
    api(i, 'POST', '/api/v1/suno/cover/generate', {
      taskId: parent,
      callBackUrl: cluster.receiver.url,
    }),
  );
  const drained: string[] = created.map((a) => a.body.data.taskId);

  // Stopped with a backlog: it must end what it holds, not abandon it.
  const stopped = survivor.kill('SIGTERM');
  await cluster.addWorker();
  await stopped;
  assert.equal(survivor.child.exitCode, 0);
  await waitFor(() => drained.every((id) => calledBack().has(id)), 120_000);

  const database = await openRecordDatabase(loadConfig(cluster.env));
  try {
    const tasks = await database.kysely
      .selectFrom('cover_tasks')
      .select(['status', 'attempts'])
      .where('task_id', 'in', drained)
      .execute();
    assert.equal(tasks.length, extra);
    assert.ok(tasks.every((t) => t.status === 'success'));
    // A job cut off by the stop would have run a second time.
    assert.ok(tasks.every((t) => t.attempts === 1));
  } finally {
    await database.close();
  }
});

test('the poll limit holds for both APIs together', async () => {
  const taskId = taskIds.at(-1);
  const route = `/api/v1/suno/cover/record-info?taskId=${taskId}`;
  const answers: ApiAnswer[] = await Promise.all(
    Array.from({ length: 12 }, (_, i) => api(i, 'GET', route)),
  );
  const codes = answers.map((a) => a.body.code);
  assert.equal(codes.filter((c) => c === 200).length, POLL_LIMIT);
  assert.equal(codes.filter((c) => c === 429).length, 12 - POLL_LIMIT);
  for (const refused of answers.filter((a) => a.body.code === 429)) {
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
  }
});

test('API and worker processes stop gracefully on SIGTERM', async () => {
  const running = [...cluster.apis, ...cluster.workers].filter(isRunning);
  assert.equal(running.length, 3);
  await Promise.all(running.map((child) => child.kill('SIGTERM')));
  for (const child of running) assert.equal(child.child.exitCode, 0);
});

function calledBack(): Set<string> {
  return new Set(cluster.receiver.received.map((c) => c.json?.data?.taskId));
}

function distinctTasks(): number {
  return calledBack().size;
}

async function waitFor(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitForAllCallbacks(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (distinctTasks() < TASKS) {
    if (Date.now() > deadline) {
      throw new Error(`only ${distinctTasks()} of ${TASKS} tasks called back`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
