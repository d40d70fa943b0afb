import { createRequire } from 'node:module';

/** mallopt's parameter numbers, from glibc's <malloc.h>. */
const M_MMAP_THRESHOLD = -3;
const M_ARENA_MAX = -8;

/** glibc's own starting threshold: blocks this large get their own map. */
const MMAP_THRESHOLD_BYTES = 128 * 1024;
const ARENA_MAX = 2;

export type MallocTuning =
  'tuned' | 'set by the environment' | 'not glibc' | 'unavailable';

let outcome: MallocTuning | undefined;

/**
 * Tunes glibc's malloc for the render threads, once per process, before
 * they start. Skia's surfaces, pixel read-backs and encoded images are
 * blocks of hundreds of kilobytes to megabytes. glibc first maps such a
 * block on its own, but each time one is freed it raises the size it
 * maps, so soon they all come from the heaps of the threads, where a freed
 * block stays resident between smaller live ones; and it gives every
 * thread a heap of its own. Fixing the threshold (which also stops the
 * raising) returns each large block to the system when it is freed, and
 * two heaps serve every thread: 30–50 MB less for a process with two
 * render threads under load, at no measured cost in covers per second
 * (bench/). MALLOC_ARENA_MAX, MALLOC_MMAP_THRESHOLD_ or a malloc tunable
 * in GLIBC_TUNABLES in the environment are the operator's choice and
 * leave all of this alone. Other C libraries are not touched.
 */
export function tuneMalloc(env = process.env): MallocTuning {
  outcome ??= apply(env);
  return outcome;
}

function apply(env: NodeJS.ProcessEnv): MallocTuning {
  if (setByEnvironment(env)) return 'set by the environment';
  if (!runsOnGlibc()) return 'not glibc';
  try {
    const require = createRequire(import.meta.url);
    const koffi = require('koffi') as typeof import('koffi');
    const mallopt = koffi
      .load('libc.so.6')
      .func('int mallopt(int param, int value)') as (
      param: number,
      value: number,
    ) => number;
    const done =
      mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) === 1 &&
      mallopt(M_ARENA_MAX, ARENA_MAX) === 1;
    return done ? 'tuned' : 'unavailable';
  } catch {
    // No prebuilt FFI binary for this platform: run untuned.
    return 'unavailable';
  }
}

export function setByEnvironment(env: NodeJS.ProcessEnv): boolean {
  return (
    env['MALLOC_ARENA_MAX'] !== undefined ||
    env['MALLOC_MMAP_THRESHOLD_'] !== undefined ||
    /glibc\.malloc\./.test(env['GLIBC_TUNABLES'] ?? '')
  );
}

/** Node reports the glibc it runs on; musl and other systems report none. */
function runsOnGlibc(): boolean {
  if (process.platform !== 'linux') return false;
  const report = process.report?.getReport() as
    { header?: { glibcVersionRuntime?: string } } | undefined;
  return typeof report?.header?.glibcVersionRuntime === 'string';
}
