// npm run bench: measures everything in one run and writes BENCHMARKS.md.
import fs from 'node:fs/promises';
import os from 'node:os';
import { benchApi } from './api.js';
import { benchRenderThroughput } from './render.js';

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const memory = Math.round(os.totalmem() / 1024 ** 3);
  return `${os.availableParallelism()} cores (${cpu}), ${memory} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

const when = new Date().toISOString();
process.stderr.write('render throughput…\n');
const render = await benchRenderThroughput();
process.stderr.write('API latency and record-info throughput…\n');
const api = await benchApi();

const target = (ok: boolean) => (ok ? 'met' : '**missed**');
const a = api.latency;
const c = api.recordInfo;
const report = `# Benchmarks

Measured by \`npm run bench\` in one run on ${when.slice(0, 10)}.

Machine: ${machine()}.

## Core API (issue #2)

| measure | result | target |
| --- | --- | --- |
| (a) cover request → callback, no audio, median / p95 over ${a.withoutAudio.tasks} tasks | ${a.withoutAudio.medianMs} ms / ${a.withoutAudio.p95Ms} ms | ≤ 500 ms median: ${target(a.withoutAudio.medianMs <= 500)} |
| (a) cover request → callback, with audio, median / p95 over ${a.withAudio.tasks} tasks | ${a.withAudio.medianMs} ms / ${a.withAudio.p95Ms} ms | (analysis is done at upload) |
| (b) covers rendered per second, 1024² PNG, ${render.threads} worker threads | ${render.coversPerSecond} | |
| (c) record-info requests/s, ${c.connections} connections | Sleeve ${c.sleeveRps}, bare Fastify ${c.bareRps}: ratio **${c.ratio}** | ≥ 0.5: ${target(c.ratio >= 0.5)} |

(a) runs the real CLI server in a child process with 1024² covers and a
callback receiver on 127.0.0.1; the time is from sending the generate request
to the receiver getting the callback. (c) is autocannon against the same
server and, alone afterwards, against a bare Fastify route answering a fixed
JSON body of the same size (${c.bodyBytes} bytes); both on loopback, with the
load generator sharing the machine's ${os.availableParallelism()} cores.
Peak RSS of the render benchmark process: ${render.peakRssMb} MB.
`;
await fs.writeFile('BENCHMARKS.md', report);
process.stdout.write(report);
