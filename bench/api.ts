import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startReceiver } from '../test/support/callback-receiver.js';
import {
  REPO_ROOT,
  request,
  spawnSleeve,
} from '../test/support/sleeve-server.js';
import { loadSharedTracks, SHARED_TRACKS } from '../test/support/tracks.js';
import { median, percentile, round } from './stats.js';

const KEY = 'test-admin-key-0123456789abcdef';

export interface ApiBenchResult {
  latency: { withoutAudio: LatencyFigures; withAudio: LatencyFigures };
  recordInfo: {
    sleeveRps: number;
    bareRps: number;
    ratio: number;
    connections: number;
    bodyBytes: number;
  };
  burst: BurstFigures;
  /**
   * Peak resident memory of the server process: over the steady load
   * (tasks one at a time, then record-info at 50 connections), and over
   * the whole run once the burst has piled everything up at once.
   */
  serverPeakRssMb: { steady: number; withBurst: number };
}

interface BurstFigures {
  uploads: number;
  tasks: number;
  seconds: number;
  coversPerSecond: number;
}

interface LatencyFigures {
  tasks: number;
  medianMs: number;
  p95Ms: number;
}

/**
 * (a) request → callback time, for tracks without and with audio, and
 * (c) record-info throughput against a bare Fastify route, in one run.
 * The server is the real CLI in a child process, as a user runs it.
 */
export async function benchApi(
  tasksPerKind = 24,
  extraEnv: Record<string, string> = {},
  nodeFlags?: string[],
): Promise<ApiBenchResult> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sleeve-bench-'));
  const server = await spawnSleeve(
    {
      SLEEVE_DATA_DIR: dataDir,
      SLEEVE_IMAGE_SIZE: '1024',
      SLEEVE_RATE_GENERATE: '100000/1s',
      SLEEVE_RATE_POLL: '10000000/1s',
      SLEEVE_INITIAL_CREDITS: '100000',
      SLEEVE_LOG_LEVEL: 'info',
      ...extraEnv,
    },
    { built: true, ...(nodeFlags && { nodeFlags }) },
  );
  try {
    const withoutAudio = await measureLatency(server.url, tasksPerKind, false);
    const withAudio = await measureLatency(server.url, tasksPerKind, true);
    const recordInfo = await measureRecordInfo(server.url);
    const steady = await peakRssMb(server.child.pid);
    const burst = await measureBurst(server.url);
    const serverPeakRssMb = {
      steady,
      withBurst: await peakRssMb(server.child.pid),
    };
    return {
      latency: { withoutAudio, withAudio },
      burst,
      recordInfo,
      serverPeakRssMb,
    };
  } finally {
    await server.kill('SIGTERM');
  }
}

async function measureLatency(
  url: string,
  count: number,
  audio: boolean,
): Promise<LatencyFigures> {
  const tracks = loadSharedTracks().filter((t) => (t.audio !== null) === audio);
  const receiver = await startReceiver();
  const times: number[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const track = tracks[i % tracks.length];
      if (!track) throw new Error('no shared tracks');
      const musicTaskId = await createMusic(url, track, i);
      const started = performance.now();
      const created = await request(
        url,
        'POST',
        '/api/v1/suno/cover/generate',
        {
          taskId: musicTaskId,
          callBackUrl: receiver.url,
        },
        KEY,
      );
      if (created.body.code !== 200) throw new Error(created.body.msg);
      await receiver.waitFor(i + 1, 60_000);
      times.push(performance.now() - started);
    }
  } finally {
    await receiver.close();
  }
  return {
    tasks: count,
    medianMs: round(median(times)),
    p95Ms: round(percentile(times, 95)),
  };
}

/**
 * Load all at once: every shared track with audio uploaded concurrently,
 * then a generate request for every music task sent without waiting, so
 * uploads, analysis, renders and callbacks pile up in the server together.
 */
async function measureBurst(url: string, tasks = 96): Promise<BurstFigures> {
  const tracks = loadSharedTracks();
  const withAudio = tracks.filter((t) => t.audio !== null);
  const started = performance.now();
  const ids = await Promise.all(
    Array.from({ length: tasks }, (_, i) => {
      const track = i < withAudio.length * 2 ? withAudio : tracks;
      return createMusic(url, track[i % track.length]!, 1000 + i);
    }),
  );
  const receiver = await startReceiver();
  try {
    const answers = await Promise.all(
      ids.map((taskId) =>
        request(
          url,
          'POST',
          '/api/v1/suno/cover/generate',
          { taskId, callBackUrl: receiver.url },
          KEY,
        ),
      ),
    );
    const refused = answers.find((answer) => answer.body.code !== 200);
    if (refused) throw new Error(refused.body.msg);
    await receiver.waitFor(tasks, 120_000);
  } finally {
    await receiver.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    uploads: withAudio.length * 2,
    tasks,
    seconds: round(seconds, 1),
    coversPerSecond: round((tasks * 2) / seconds, 1),
  };
}

async function createMusic(
  url: string,
  track: ReturnType<typeof loadSharedTracks>[number],
  i: number,
) {
  const form = new FormData();
  form.append('title', `${track.title} #${i}`);
  form.append('tags', track.tags);
  form.append('prompt', track.prompt);
  form.append('artist', track.artist);
  if (track.audio) {
    const bytes = await fs.readFile(path.join(SHARED_TRACKS, track.audio));
    form.append('audio', new Blob([bytes]), path.basename(track.audio));
  }
  const response = await fetch(`${url}/api/v1/sleeve/music`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}` },
    body: form,
  });
  const body = (await response.json()) as {
    code: number;
    msg: string;
    data: { taskId: string };
  };
  if (body.code !== 200) throw new Error(body.msg);
  return body.data.taskId;
}

async function measureRecordInfo(url: string) {
  const list = await request(
    url,
    'GET',
    '/api/v1/sleeve/music?limit=1',
    undefined,
    KEY,
  );
  const coverTaskId: string = list.body.data.items[0].cover.taskId;
  const route = `/api/v1/suno/cover/record-info?taskId=${coverTaskId}`;
  const sample = await fetch(url + route, {
    headers: { authorization: `Bearer ${KEY}` },
  });
  const body = await sample.text();

  const bare = await startBare(body);
  try {
    const connections = 50;
    // Both servers share the cores with the load generator and with
    // whatever else runs, so they take turns and the medians are compared.
    const sleeveRuns: number[] = [];
    const bareRuns: number[] = [];
    await load(`${url}${route}`, connections, 2);
    await load(`${bare.url}/fixed`, connections, 2);
    for (let round = 0; round < 5; round += 1) {
      sleeveRuns.push(await load(`${url}${route}`, connections, 4));
      bareRuns.push(await load(`${bare.url}/fixed`, connections, 4));
    }
    const sleeveRps = median(sleeveRuns);
    const bareRps = median(bareRuns);
    return {
      sleeveRps: Math.round(sleeveRps),
      bareRps: Math.round(bareRps),
      ratio: round(sleeveRps / bareRps, 2),
      connections,
      bodyBytes: Buffer.byteLength(body),
    };
  } finally {
    bare.child.kill('SIGTERM');
  }
}

async function load(
  url: string,
  connections: number,
  duration: number,
): Promise<number> {
  const result = await autocannon({
    url,
    connections,
    duration,
    headers: { authorization: `Bearer ${KEY}` },
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `load test saw ${result.non2xx} non-2xx and ${result.errors} errors`,
    );
  }
  return result.requests.average;
}

async function startBare(
  body: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'bench/bare-fastify.ts')],
    {
      env: { ...process.env, BENCH_BODY: body },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      const match = /listening (\d+)/.exec(String(chunk));
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`bare server exited ${code}`)),
    );
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/** VmHWM: the most resident memory the process (all threads) ever had. */
async function peakRssMb(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
  return Math.round(kb / 1024);
}
