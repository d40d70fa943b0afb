import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { AudioFeatures } from '../../audio/features.js';
import { chooseStyles, STYLES } from '../../engine/index.js';
import { RenderInputError, RenderPool } from '../../engine/render-pool.js';
import type { CoverInput, ImageFormat } from '../../engine/types.js';
import { createOutput } from '../output.js';
import { CommandFailure, UsageError, wholeNumber } from '../flags.js';
import { TITLE_REQUIRED } from '../../music/music-service.js';
import { isBlankText } from '../../util/blank-text.js';
import { graphemes } from '../../util/graphemes.js';
import { makeFolder } from '../../util/make-folder.js';

interface RenderFlags {
  title?: string;
  artist?: string;
  tags?: string;
  lyrics?: string;
  lyricsFile?: string;
  audio?: string;
  out: string;
  style?: string;
  allStyles?: boolean;
  size: string;
  format: string;
  variation: string;
  json?: boolean;
}

export function registerRender(program: Command): void {
  program
    .command('render')
    .description(
      'Make covers offline, without a server: metadata and/or audio in, images out.',
    )
    .option(
      '--title <title>',
      "track title (default with --audio: the audio file's name without " +
        'its extension)',
    )
    .option('--artist <name>', 'artist name')
    .option(
      '--tags <tags>',
      'style tags, e.g. "dark synthwave, female vocals, 120 bpm"',
    )
    .option('--lyrics <text>', 'lyrics')
    .option('--lyrics-file <file>', 'read the lyrics from a file')
    .option(
      '--audio <file>',
      'mp3, ogg, wav, flac or m4a; its measured features drive the art',
    )
    .option('--out <dir>', 'folder for the images', 'covers')
    .option(
      '--style <ids>',
      `comma-separated styles instead of the track's pair (${STYLES.map((s) => s.id).join(', ')})`,
    )
    .option('--all-styles', 'one image in every style')
    .option('--size <px>', 'edge length, 64-3000', '1024')
    .option('--format <format>', 'png, jpeg or webp', 'png')
    .option(
      '--variation <n>',
      'another deterministic pair; its files are named ...-v<n>.png',
      '0',
    )
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  sleeve render --title "Nebula" --tags "space ambient, dreamy" --audio nebula.ogg\n' +
        '  sleeve render --audio nebula.ogg    # the title is "nebula"\n' +
        '  sleeve render --title "BASS CATHEDRAL" --tags "dubstep, 140 bpm" --all-styles --size 512\n' +
        '  sleeve render --title "Paper Lanterns" --format jpeg --size 3000 --out print/',
    )
    .action(async (flags: RenderFlags) => {
      const out = createOutput(flags.json === true);
      const title = titleOf(flags);
      const options = parseRenderOptions(flags);
      const pool = new RenderPool(2);
      try {
        const audio = flags.audio ? await analyzeFile(pool, flags.audio) : null;
        const input: CoverInput = {
          title,
          artist: flags.artist ?? '',
          tags: flags.tags ?? '',
          lyrics: flags.lyricsFile
            ? await fs.readFile(flags.lyricsFile, 'utf8')
            : (flags.lyrics ?? ''),
          audio,
        };
        const styles = pickStyles(flags, input, options.variation);
        await makeFolder(flags.out);
        const files = await Promise.all(
          styles.map(async (style) => {
            const cover = await pool.renderStyle(input, style, options);
            const file = path.join(
              flags.out,
              coverFileName(title, style, options.variation, options.format),
            );
            await fs.writeFile(file, cover.bytes);
            return { style, file, bytes: cover.bytes.length };
          }),
        );
        out.result({ audio, files }, () => describe(audio, files));
      } finally {
        await pool.close();
      }
    });
}

/**
 * --title, or else the audio file's name without its extension
 * (`nebula.ogg` → "nebula"): audio alone is enough to render from. A
 * title that shows nothing is refused, as the API refuses it; here it
 * would draw empty labels.
 */
function titleOf(flags: RenderFlags): string {
  const title =
    flags.title ??
    (flags.audio === undefined ? undefined : path.parse(flags.audio).name);
  if (title === undefined) {
    throw new UsageError(
      'required option --title not specified: give --title, or --audio ' +
        "to take the title from the audio file's name",
    );
  }
  if (isBlankText(title)) throw new UsageError(TITLE_REQUIRED);
  return title;
}

/** The audio's features; a file that is not usable audio says so. */
async function analyzeFile(pool: RenderPool, file: string) {
  try {
    return await pool.analyze(await fs.readFile(file));
  } catch (error) {
    if (error instanceof RenderInputError) {
      throw new CommandFailure(`${file}: ${error.message}`);
    }
    throw error;
  }
}

function parseRenderOptions(flags: RenderFlags) {
  const size = wholeNumber('--size', flags.size, { min: 64, max: 3000 });
  if (!['png', 'jpeg', 'webp'].includes(flags.format)) {
    throw new UsageError('--format must be png, jpeg or webp');
  }
  const variation = wholeNumber('--variation', flags.variation, { min: 0 });
  return { size, format: flags.format as ImageFormat, variation };
}

function pickStyles(
  flags: RenderFlags,
  input: CoverInput,
  variation: number,
): string[] {
  if (flags.allStyles) return STYLES.map((s) => s.id);
  if (!flags.style) return chooseStyles(input, variation);
  const known = new Set(STYLES.map((s) => s.id));
  const wanted = flags.style.split(',').map((s) => s.trim());
  const unknown = wanted.filter((s) => !known.has(s));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown style ${unknown.join(', ')}; styles: ${[...known].join(', ')}`,
    );
  }
  return wanted;
}

const extensionOf = (format: ImageFormat) =>
  format === 'jpeg' ? 'jpg' : format;

/**
 * Bytes a title may take in a file name. The rest adds at most 40: the
 * style (9 with its hyphen), the variation ("-v" and up to 16 digits)
 * and the extension (5), well within the 255 bytes file systems allow.
 */
const SLUG_BYTES = 150;

/**
 * `<slug>-<style>.png`; a variation other than 0 is in the name too
 * (`<slug>-<style>-v3.png`), so that rendering another variation into
 * the same folder keeps the first.
 */
export function coverFileName(
  title: string,
  style: string,
  variation: number,
  format: ImageFormat,
): string {
  const suffix = variation === 0 ? '' : `-v${variation}`;
  return `${slug(title)}-${style}${suffix}.${extensionOf(format)}`;
}

/**
 * A file-name-safe form of a title, in any script: letters with their
 * combining marks (which Indic and Southeast Asian words cannot lose, up
 * to four on a letter), digits and single hyphens, cut at a whole
 * character and within the bytes a file name may hold; "cover" when no
 * letter or digit is left.
 */
export function slug(text: string): string {
  const safe = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s-]/gu, '')
    .replace(/(^|[^\p{L}\p{N}\p{M}])\p{M}+/gu, '$1')
    .replace(/(\p{M}{4})\p{M}+/gu, '$1')
    .trim()
    .replace(/[\s_-]+/g, '-');
  let name = '';
  for (const piece of graphemes(safe).slice(0, 48)) {
    if (Buffer.byteLength(name + piece) > SLUG_BYTES) break;
    name += piece;
  }
  name = name.replace(/^-+|-+$/g, '');
  return /[\p{L}\p{N}]/u.test(name) ? name : 'cover';
}

function describe(
  audio: AudioFeatures | null,
  files: { style: string; file: string }[],
) {
  const lines = files.map((f) => `${f.file}  (${f.style})`);
  if (audio) {
    lines.unshift(
      `audio: ${audio.bpm.toFixed(0)} BPM, ${audio.key} ${audio.mode}, energy ${audio.energy.toFixed(2)}, ` +
        `brightness ${audio.brightness.toFixed(2)}, ${audio.durationSec.toFixed(0)} s`,
    );
  }
  return lines.join('\n');
}
