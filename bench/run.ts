// npm run bench: measures everything in one run and writes BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import { startFlags } from '../test/support/sleeve-server.js';
import { SHARED_TRACKS } from '../test/support/tracks.js';
import { benchApi } from './api.js';
import { benchAudio } from './audio.js';
import { benchEngine } from './engine.js';
import { benchRenderThroughput } from './render.js';
import { benchScale } from './scale.js';

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const memory = Math.round(os.totalmem() / 1024 ** 3);
  return `${os.availableParallelism()} cores (${cpu}), ${memory} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/**
 * Every figure shares the machine's cores with whatever else runs; a busy
 * machine (a test suite, a build) lowers throughput several times over,
 * so the load before the run is printed with the figures.
 */
const loadBefore = os.loadavg()[0] ?? 0;
if (loadBefore > 0.5) {
  process.stderr.write(
    `warning: load average ${loadBefore.toFixed(2)} before the run; ` +
      'the figures will be lower than on a quiet machine\n',
  );
}
const startOptions = await startFlags();
const step = (name: string) => process.stderr.write(`${name}…\n`);
const when = new Date().toISOString();
// The servers run built, as \`npm start\` runs them: under tsx they would
// carry the compiler's memory and start-up into the figures.
step('build');
execFileSync('npm', ['run', 'build'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
step('engine, one core');
const engine = await benchEngine();
step('audio analysis, one core');
const audio = await benchAudio(`${SHARED_TRACKS}/audio`);
step('render throughput, all cores');
const render = await benchRenderThroughput();
step('API latency and record-info throughput');
const api = await benchApi();
step('the same server started without npm start’s Node options');
const plain = await benchApi(24, {}, []);
step('scale-out backends against the embedded default');
const scale = await benchScale();

const met = (ok: boolean) => (ok ? 'met' : '**missed**');
const a = api.latency;
const c = api.recordInfo;
const report = `# Benchmarks

Measured by \`npm run bench\` in one run on ${when.slice(0, 10)}.

Machine: ${machine()}; load average ${loadBefore.toFixed(2)} before the run.

## Core API (issue #2)

| measure | result | target |
| --- | --- | --- |
| (a) cover request → callback, no audio, median / p95 over ${a.withoutAudio.tasks} tasks | ${a.withoutAudio.medianMs} ms / ${a.withoutAudio.p95Ms} ms | ≤ 500 ms median: ${met(a.withoutAudio.medianMs <= 500)} |
| (a) cover request → callback, with audio, median / p95 over ${a.withAudio.tasks} tasks | ${a.withAudio.medianMs} ms / ${a.withAudio.p95Ms} ms | |
| (b) covers rendered per second, 1024² PNG, ${render.threads} worker threads | ${render.coversPerSecond} | |
| covers per second in a burst: ${api.burst.tasks} generate requests at once after ${api.burst.tasks} concurrent uploads (${api.burst.uploads} with audio) | ${api.burst.coversPerSecond} (${api.burst.seconds} s from first upload to last callback) | |
| (c) record-info requests/s, ${c.connections} connections, as a ratio to a bare Fastify route | **${c.ratio}** (Sleeve ${c.sleeveRps}/s, bare ${c.bareRps}/s) | ≥ 0.5: ${met(c.ratio >= 0.5)} |

(a) runs the real CLI server, built, in a child process with 1024² covers
and a callback receiver on 127.0.0.1, timing from sending the generate
request to the callback's arrival, one task at a time; audio is analysed
when it is uploaded, so a track with audio costs the same here. (c) is
autocannon with 50 connections against that server and, taking turns with
it over five 4 s rounds, against a bare Fastify route answering a fixed
JSON body of the same size (${c.bodyBytes} bytes); the ratio is of the
median rounds. Both share the machine's ${os.availableParallelism()} cores
with the load generator. Last, the burst sends everything at once, to
load the server for its peak memory. The server runs as \`npm start\`
runs it, with Node's \`${startOptions.join(' ')}\`; it tunes glibc's
malloc itself either way (docs/deployment.md, "Memory"). A second server
started without that option repeats the whole run for the memory figures
only.

## Art engine (issue #3)

| measure | result | target |
| --- | --- | --- |
| ms per 1024² PNG cover, one core, median / p95 over ${engine.covers1024} covers in ${engine.styles} styles | ${engine.medianMs1024} / ${engine.p95Ms1024} | ≤ 100 ms median: ${met(engine.medianMs1024 <= 100)} |
| ms per 3000² PNG cover, one core, median over ${engine.covers3000} | ${engine.medianMs3000} | |
| ms for the first cover of a new render thread (thread start, code and fonts loaded) | ${engine.firstCoverMs} | |
| covers per second, both cores (worker pool) | ${render.coversPerSecond} | ≥ 12: ${met(render.coversPerSecond >= 12)} |
| audio analysis, ms per minute of audio (decode included) | ${Math.round(audio.msPerMinute)} (CPU ${Math.round(audio.cpuMsPerMinute)}; slowest track ${Math.round(audio.worstMsPerMinute)}) | ≤ 300: ${met(audio.msPerMinute <= 300)} |
| peak RSS of the server under steady load (API + 2 render threads: the tasks of (a), then (c)'s 50 connections) | ${api.serverPeakRssMb.steady} MB | < 400 MB: ${met(api.serverPeakRssMb.steady < 400)} |
| peak RSS of the server with the burst as well (96 uploads, then 96 generate requests, all at once) | ${api.serverPeakRssMb.withBurst} MB | < 400 MB: ${met(api.serverPeakRssMb.withBurst < 400)} |
| the same two, the server started as plain \`node dist/cli/main.js serve\` (without \`${startOptions.join(' ')}\`) | ${plain.serverPeakRssMb.steady} MB / ${plain.serverPeakRssMb.withBurst} MB | |
| RSS of a process with one render thread after each round of ${engine.coversPerRound} covers | ${engine.workerRssMb.join(', ')} MB | flat: nothing kept per cover |
| peak RSS of the render-throughput process (all ${render.covers} covers queued at once) | ${render.peakRssMb} MB | |
| 1024² PNG size, median / largest | ${engine.medianKb1024} KB / ${engine.maxKb1024} KB | < 1.5 MB |

Milliseconds per style at 1024²: ${Object.entries(engine.perStyleMs1024)
  .map(([style, ms]) => `${style} ${ms}`)
  .join(', ')}.

## Scale-out backends (issue #5)

${scale.tasks} cover tasks of ${scale.imageSize}² per setup, end to end
(first generate request to last callback), and record-info with
${scale.connections} connections, in the same run:

| setup | covers/s | record-info/s, finished task | record-info/s, database lookup |
| --- | --- | --- | --- |
${[scale.sqlite, scale.postgres, scale.postgresSplit]
  .map(
    (r) =>
      `| ${r.setup} | ${r.coversPerSec} | ${r.recordInfoFinishedRps} | ${r.recordInfoLookupRps} |`,
  )
  .join('\n')}

docs/deployment.md estimates how this scales with more worker processes.

Audio analysis per track (ms for the whole track):

| track | length | ms | ms per minute |
| --- | --- | --- | --- |
${audio.tracks.map((t) => `| ${t.file} | ${t.durationSec.toFixed(1)} s | ${Math.round(t.ms)} | ${Math.round(t.ms / (t.durationSec / 60))} |`).join('\n')}
`;
await fs.writeFile('BENCHMARKS.md', report);
process.stdout.write(report);
