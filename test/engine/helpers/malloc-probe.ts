// Run as a child process: prints whether glibc gave a 24 MiB block a map
// of its own after a 30 MiB block was freed, untuned or after tuneMalloc().
import { createRequire } from 'node:module';
import { tuneMalloc } from '../../../src/engine/malloc-tuning.js';

const koffi = createRequire(import.meta.url)('koffi') as typeof import('koffi');
const libc = koffi.load('libc.so.6');
const fields = [
  'arena',
  'ordblks',
  'smblks',
  'hblks',
  'hblkhd',
  'usmblks',
  'fsmblks',
  'uordblks',
  'fordblks',
  'keepcost',
];
const info = koffi.struct(
  'mallinfo2',
  Object.fromEntries(fields.map((name) => [name, 'size_t'])),
);
const mallinfo2 = libc.func('mallinfo2', info, []) as () => {
  hblks: number | bigint;
};
const malloc = libc.func('void *malloc(size_t size)');
const free = libc.func('void free(void *ptr)');

const tuning = process.argv[2] === 'tuned' ? tuneMalloc() : 'untuned';
const mapped = () => Number(mallinfo2().hblks);

free(malloc(30 * 1024 * 1024));
const before = mapped();
const block = malloc(24 * 1024 * 1024);
const after = mapped();
free(block);
process.stdout.write(
  JSON.stringify({ tuning, before, after, ownMap: after - before === 1 }) +
    '\n',
);
