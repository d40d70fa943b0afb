import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { AudioFeatures } from '../../audio/features.js';
import { renderContactSheet, STYLES } from '../../engine/index.js';
import { RenderPool } from '../../engine/render-pool.js';
import type { CoverInput } from '../../engine/types.js';
import { createOutput, shown } from '../output.js';
import {
  readTrackFolder,
  SAMPLES_DIR,
  type FolderTrack,
} from '../track-folder.js';
import { wholeNumber } from '../flags.js';
import { makeFolder } from '../../util/make-folder.js';

interface SheetFlags {
  tracks?: string;
  out: string;
  cell: string;
  variation: string;
  json?: boolean;
}

export function registerContactSheet(program: Command): void {
  program
    .command('contact-sheet')
    .description(
      'Every track of a folder in every style on one image, offline, to judge the whole range.',
    )
    .option(
      '--tracks <dir>',
      'a tracks folder (tracks.json + audio/); default: the bundled samples',
    )
    .option('--out <file>', 'the PNG to write', 'contact-sheet.png')
    .option('--cell <px>', 'edge of each cover on the sheet', '220')
    .option('--variation <n>', 'render this variation of every cover', '0')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  sleeve contact-sheet --tracks ../shared/tracks --out range.png',
    )
    .action(async (flags: SheetFlags) => {
      const cell = wholeNumber('--cell', flags.cell, { min: 64, max: 1024 });
      const variation = wholeNumber('--variation', flags.variation, { min: 0 });
      const out = createOutput(flags.json === true);
      const tracks = await readTrackFolder(flags.tracks ?? SAMPLES_DIR);
      const pool = new RenderPool(2);
      try {
        const rows = [];
        for (const [i, track] of tracks.entries()) {
          out.info(`[${i + 1}/${tracks.length}] ${shown(track.title)}`);
          rows.push(await renderRow(pool, track, cell, variation));
        }
        const sheet = renderContactSheet(rows, {
          cell,
          columnLabels: STYLES.map((s) => s.name),
        });
        await makeFolder(path.dirname(path.resolve(flags.out)));
        await fs.writeFile(flags.out, sheet);
        out.result(
          {
            file: path.resolve(flags.out),
            tracks: tracks.length,
            styles: STYLES.length,
          },
          () =>
            `Wrote ${flags.out}: ${tracks.length} tracks × ${STYLES.length} styles.`,
        );
      } finally {
        await pool.close();
      }
    });
}

async function renderRow(
  pool: RenderPool,
  track: FolderTrack,
  cell: number,
  variation: number,
) {
  const audio: AudioFeatures | null = track.audioPath
    ? await pool.analyze(await fs.readFile(track.audioPath))
    : null;
  const input: CoverInput = {
    title: track.title,
    artist: track.artist,
    tags: track.tags,
    lyrics: track.prompt,
    audio,
  };
  // Rendered at twice the cell so the sheet is sharp.
  const size = Math.min(3000, cell * 2);
  const images = await Promise.all(
    STYLES.map(
      async (style) =>
        (
          await pool.renderStyle(input, style.id, {
            size,
            format: 'png',
            variation,
          })
        ).bytes,
    ),
  );
  const detail = audio
    ? `${Math.round(audio.bpm)} BPM · ${audio.key} ${audio.mode}`
    : (track.tags.split(',')[0]?.trim() ?? '');
  return { label: track.title || 'Untitled', detail, images };
}
