import { GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FONT_FILES, fileOfFace, type FontFile } from './font-catalog.js';
import { readCmapRanges, type CodePointRanges } from './read-cmap.js';

const coverage = new Map<string, CodePointRanges>();
const registeredFaces = new Set<string>();
let root: string | null = null;
let displayRegistered = false;

function fontsRoot(): string {
  if (root) return root;
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@expo-google-fonts/inter/package.json');
  root = dirname(dirname(pkg));
  return root;
}

/**
 * Registers the display faces and the Latin fallback with Skia once per
 * process. Safe to call from every render; only the first call does work.
 * Script fallbacks wait for `ensureFaceRegistered`.
 */
export function ensureFontsRegistered(): void {
  if (displayRegistered) return;
  for (const file of FONT_FILES) {
    if (!file.lazy) registerFile(file);
  }
  displayRegistered = true;
}

/** Registers one cut, by its alias, if no thread has yet. */
export function ensureFaceRegistered(face: string): void {
  if (registeredFaces.has(face)) return;
  const file = fileOfFace(face);
  if (!file) throw new Error(`unknown font face ${face}`);
  registerFile(file);
}

/**
 * Skia's font collection is one per process, shared by every worker
 * thread, and registering an alias again adds a second copy of the face
 * rather than replacing it; so a face another thread already registered
 * is only noted. Skia maps a registered file rather than reading it: a
 * face costs the pages its glyphs touch, not its size.
 */
function registerFile(file: FontFile): void {
  if (registeredFaces.has(file.face)) return;
  if (!GlobalFonts.has(file.face)) {
    const key = GlobalFonts.registerFromPath(
      join(fontsRoot(), file.path),
      file.face,
    );
    if (!key) throw new Error(`could not register font ${file.path}`);
  }
  registeredFaces.add(file.face);
}

/**
 * The code points a family maps (read from its first cut, once per
 * thread, when first asked).
 */
export function familyCoverage(family: string): CodePointRanges {
  const known = coverage.get(family);
  if (known) return known;
  const file = FONT_FILES.find((f) => f.family === family);
  if (!file) throw new Error(`unknown font family ${family}`);
  const ranges = readCmapRanges(join(fontsRoot(), file.path));
  coverage.set(family, ranges);
  return ranges;
}
