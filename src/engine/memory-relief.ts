import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Process RSS above which a render thread collects its garbage after each
 * job. Below it nothing happens, so a lightly loaded server renders at
 * full speed; above it a full collection of a worker's small heap costs a
 * few milliseconds per job and keeps the server near this figure under
 * load instead of at 450 MB and more.
 */
export const RELIEF_RSS_BYTES = 320 * 1024 * 1024;

let collect: (() => void) | undefined;

/**
 * Skia's surfaces, gradients and pixel read-backs live outside V8's heap,
 * owned by small JS wrappers. V8 collects those wrappers when its own heap
 * needs room, or once a thread's reported native memory has grown by tens
 * of megabytes, so each render thread carried 40–80 MB of dead native
 * memory (measured in bench/ and test/engine/worker-memory.test.ts). A
 * full collection frees it at once; Node offers no way to ask for one but
 * the `gc` function that --expose-gc puts in new contexts, the same route
 * Jest takes to report heap use.
 */
function collector(): () => void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  return collect;
}

/** Collects garbage now if the process holds more than `limitBytes`. */
export function relieveMemory(limitBytes = RELIEF_RSS_BYTES): void {
  if (process.memoryUsage.rss() > limitBytes) collector()();
}
