import { GlobalFonts } from '@napi-rs/canvas';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FONT_FILES, type FontFile } from './font-catalog.js';
import { readCmapRanges, type CodePointRanges } from './read-cmap.js';

const coverage = new Map<string, CodePointRanges>();
let registered = false;

function fontsRoot(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@expo-google-fonts/inter/package.json');
  return dirname(dirname(pkg));
}

/**
 * Registers every shipped face with Skia once per process and remembers,
 * once per thread, the code points of each family (read from its first
 * cut). Safe to call from every render; only the first call does work.
 */
export function ensureFontsRegistered(): void {
  if (registered) return;
  const root = fontsRoot();
  for (const file of FONT_FILES) registerFile(root, file);
  registered = true;
}

/**
 * Skia's font collection is one per process, shared by every worker
 * thread, and registering an alias again adds a second copy of the face
 * rather than replacing it; so a face another thread already registered
 * is only read for its coverage.
 */
function registerFile(root: string, file: FontFile): void {
  const path = join(root, file.path);
  if (!GlobalFonts.has(file.face)) {
    const key = GlobalFonts.registerFromPath(path, file.face);
    if (!key) throw new Error(`could not register font ${file.path}`);
  }
  if (!coverage.has(file.family)) {
    coverage.set(file.family, readCmapRanges(readFileSync(path)));
  }
}

/** The code points a family maps (read from its first cut). */
export function familyCoverage(family: string): CodePointRanges {
  ensureFontsRegistered();
  const ranges = coverage.get(family);
  if (!ranges) throw new Error(`unknown font family ${family}`);
  return ranges;
}
