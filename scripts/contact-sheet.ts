/**
 * Renders every track of a tracks folder in every style on one sheet, plus
 * a second sheet with the two covers the engine would pick per track, so a
 * person can judge the engine's range at a glance.
 *
 *   npx tsx scripts/contact-sheet.ts [tracksDir] [out.png] [--variation N]
 *     [--cell PX] [--rows N]
 *
 * The pair sheet is written next to out.png as <name>-pairs.png. With
 * --rows, the style sheet is also cut into parts of N tracks each
 * (<name>-1.png, …), small enough to look at one by one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeAudio } from '../src/audio/index.js';
import type { AudioFeatures } from '../src/audio/features.js';
import {
  chooseStyles,
  describeTrack,
  renderContactSheet,
  renderCover,
  STYLES,
  type ContactSheetRow,
  type CoverInput,
} from '../src/engine/index.js';

interface TrackEntry {
  title: string;
  artist: string;
  tags: string;
  prompt: string;
  audio: string | null;
}

/** Takes `--name value` out of the arguments, or gives the default. */
function flag(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args.splice(at, 2)[1]) : fallback;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const variation = flag(args, '--variation', 0);
  const cell = flag(args, '--cell', 220);
  const rowsPerPart = flag(args, '--rows', 0);
  const tracksDir = args[0] ?? '/work/shared/tracks';
  const out = args[1] ?? '/work/out/contact-sheet.png';
  const inputs = await loadInputs(tracksDir);

  const started = performance.now();
  const styleRows = inputs.map((input) => styleRow(input, variation, cell));
  const columnLabels = STYLES.map((s) => s.name);
  writeFileSync(out, renderContactSheet(styleRows, { cell, columnLabels }));
  for (let part = 0; rowsPerPart > 0; part++) {
    const rows = styleRows.slice(part * rowsPerPart, (part + 1) * rowsPerPart);
    if (rows.length === 0) break;
    const file = `${out.replace(/\.png$/, '')}-${part + 1}.png`;
    writeFileSync(file, renderContactSheet(rows, { cell, columnLabels }));
  }
  const pairs = out.replace(/\.png$/, '') + '-pairs.png';
  writeFileSync(
    pairs,
    renderContactSheet(
      inputs.map((input) => pairRow(input, variation)),
      { cell: 360 },
    ),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `wrote ${out} and ${pairs} (${inputs.length} tracks, ${seconds} s)`,
  );
}

async function loadInputs(dir: string): Promise<CoverInput[]> {
  const entries = JSON.parse(
    readFileSync(join(dir, 'tracks.json'), 'utf8'),
  ) as TrackEntry[];
  return Promise.all(
    entries.map(async (entry) => ({
      title: entry.title,
      artist: entry.artist,
      tags: entry.tags,
      lyrics: entry.prompt,
      audio: entry.audio ? await analyse(join(dir, entry.audio)) : null,
    })),
  );
}

async function analyse(path: string): Promise<AudioFeatures | null> {
  try {
    return await analyzeAudio(new Uint8Array(readFileSync(path)));
  } catch (error) {
    console.warn(`no audio features for ${path}: ${String(error)}`);
    return null;
  }
}

function detailOf(input: CoverInput): string {
  const reading = describeTrack(input);
  const f = reading.features;
  const source = f.fromAudio ? 'audio' : f.bpmSource;
  return `${reading.genre} · ${Math.round(f.bpm)} bpm (${source}) · ${f.key} ${f.mode}`;
}

function styleRow(
  input: CoverInput,
  variation: number,
  cell: number,
): ContactSheetRow {
  const images = STYLES.map((style) =>
    renderCover(input, { style: style.id, size: cell, variation }),
  );
  return { label: input.title, detail: detailOf(input), images };
}

function pairRow(input: CoverInput, variation: number): ContactSheetRow {
  const ids = chooseStyles(input, variation);
  const images = ids.map((style) =>
    renderCover(input, { style, size: 360, variation }),
  );
  return {
    label: input.title,
    detail: `${ids.join(' + ')} · ${detailOf(input)}`,
    images,
  };
}

await main();
