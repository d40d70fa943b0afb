import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import {
  SleeveApiError,
  SleeveClient,
  SleeveNetworkError,
  type CreateCoverOptions,
} from '../../client/index.js';
import { withoutCredentials } from '../../client/url-credentials.js';
import { createOutput, EXIT, shown } from '../output.js';
import {
  CommandFailure,
  UsageError,
  wholeNumber,
  positiveNumber,
} from '../flags.js';
import { makeFolder } from '../../util/make-folder.js';

interface ClientFlags {
  url?: string;
  key?: string;
  json?: boolean;
}

/** Client commands talk to a running server through the SDK. */
function clientFrom(flags: ClientFlags): SleeveClient {
  const apiKey = flags.key ?? process.env['SLEEVE_API_KEY'];
  if (!apiKey) {
    throw new UsageError('an API key is needed: --key or SLEEVE_API_KEY');
  }
  const baseUrl =
    flags.url ?? process.env['SLEEVE_URL'] ?? 'http://127.0.0.1:3000';
  if (!/^https?:\/\/[^/\s]+/.test(baseUrl)) {
    throw new UsageError(
      `not a server URL: ${withoutCredentials(baseUrl)} ` +
        '(e.g. http://127.0.0.1:3000)',
    );
  }
  try {
    return new SleeveClient({ baseUrl, apiKey });
  } catch (error) {
    // The SDK's check of what is left: a key with spaces, a URL with a
    // password or a query, say.
    if (error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
}

function addClientOptions(command: Command): Command {
  return command
    .option(
      '--url <url>',
      'server URL (SLEEVE_URL, default http://127.0.0.1:3000)',
    )
    .option('--key <key>', 'API key (SLEEVE_API_KEY)')
    .option('--json', 'print JSON');
}

export function registerMusic(program: Command): void {
  const music = program
    .command('music')
    .description('Register music records on a running server.')
    .option('--json', 'print JSON (as --json after the command does)')
    .addHelpText(
      'after',
      '\nExamples:\n  sleeve music import saved-record.json more/*.json\n' +
        '  sleeve music add --title "Nebula" --tags "space ambient" --audio nebula.ogg',
    );

  addClientOptions(
    music
      .command('import <files...>')
      .addHelpText(
        'after',
        '\nExamples:\n  sleeve music import saved-record.json\n  sleeve music import records/*.json --json',
      )
      .description(
        'Import music records saved from a hosted provider (JSON files).',
      ),
  ).action(async (files: string[], flags: ClientFlags) => {
    const client = clientFrom(flags);
    const out = createOutput(flags.json === true);
    const imported: { file: string; taskId: string }[] = [];
    const failed: { file: string; error: string }[] = [];
    for (const [i, file] of files.entries()) {
      const progress = `[${i + 1}/${files.length}] ${file}`;
      try {
        const record: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
        const { taskId } = await client.importMusic(record);
        imported.push({ file, taskId });
        out.info(`${progress} → ${taskId}`);
      } catch (error) {
        if (error instanceof SleeveNetworkError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        failed.push({ file, error: message });
        out.info(`${progress}: not imported: ${shown(message)}`);
      }
    }
    if (failed.length > 0) process.exitCode = EXIT.failed;
    out.result(
      { imported, failed },
      () =>
        `Imported ${imported.length} record(s)` +
        (failed.length ? `; ${failed.length} failed.` : '.'),
    );
  });

  addClientOptions(
    music
      .command('add')
      .addHelpText(
        'after',
        '\nExamples:\n  sleeve music add --title "Nebula" --tags "space ambient" --audio nebula.ogg\n  sleeve music add --title "Paper Lanterns" --lyrics-file lyrics.txt --artist "Mara"',
      )
      .description(
        'Create a music record from metadata and an optional audio file.',
      )
      .requiredOption('--title <title>', 'track title')
      .option('--tags <tags>', 'style tags, e.g. "dark synthwave, 120 bpm"')
      .option('--lyrics <text>', 'lyrics (or use --lyrics-file)')
      .option('--lyrics-file <file>', 'read the lyrics from a file')
      .option('--artist <name>', 'artist name')
      .option('--audio <file>', 'mp3, ogg, wav, flac or m4a'),
  ).action(async (flags: ClientFlags & Record<string, string | undefined>) => {
    const client = clientFrom(flags);
    const prompt = flags['lyricsFile']
      ? await fs.readFile(flags['lyricsFile'], 'utf8')
      : flags['lyrics'];
    const audioFile = flags['audio'];
    const { taskId } = await client.createMusic({
      title: flags['title'] ?? '',
      ...(flags['tags'] !== undefined && { tags: flags['tags'] }),
      ...(prompt !== undefined && { prompt }),
      ...(flags['artist'] !== undefined && { artist: flags['artist'] }),
      ...(audioFile && {
        audio: new Uint8Array(await fs.readFile(audioFile)),
        audioName: path.basename(audioFile),
      }),
    });
    createOutput(flags.json === true).result({ taskId }, () => taskId);
  });
}

export function registerCover(program: Command): void {
  addClientOptions(
    program
      .command('cover <musicTaskId>')
      .description(
        'Request a cover for a music task; optionally wait and save it.',
      )
      .option('--callback <url>', 'callBackUrl for the result')
      .option('--variation <n>', 'another pair of covers (Sleeve)', '0')
      .option('--wait', 'wait until the cover is done')
      .option('--poll <seconds>', 'seconds between polls while waiting', '2')
      .option('--timeout <seconds>', 'give up waiting after this long', '600')
      .option('--out <dir>', 'save the images here (implies --wait)')
      .addHelpText(
        'after',
        '\nA music task has one cover (per variation). Asked again, the command\n' +
          'fails (exit 1) naming the existing task (existingTaskId with --json);\n' +
          'with --wait or --out it waits for that task instead.\n' +
          '\nExamples:\n  sleeve cover 5c79e3f1a2b84d0c9e1f7a6b3d2c8e90 --wait --out covers/\n' +
          '  sleeve cover 5c79e3f1a2b84d0c9e1f7a6b3d2c8e90 --callback https://example.com/hook',
      ),
  ).action(requestCoverCommand);
}

type CoverFlags = ClientFlags & Record<string, string | boolean | undefined>;

async function requestCoverCommand(musicTaskId: string, flags: CoverFlags) {
  const client = clientFrom(flags);
  const out = createOutput(flags.json === true);
  const callBackUrl = flags['callback'];
  const variation = wholeNumber('--variation', String(flags['variation']), {
    min: 0,
  });
  const pollMs = 1000 * positiveNumber('--poll', String(flags['poll']));
  const timeoutMs =
    1000 * positiveNumber('--timeout', String(flags['timeout']));
  const outDir = typeof flags['out'] === 'string' ? flags['out'] : undefined;
  const waiting = flags['wait'] === true || outDir !== undefined;

  const cover = await requestOrFindCover(client, {
    taskId: musicTaskId,
    ...(typeof callBackUrl === 'string' && { callBackUrl }),
    variation,
  });
  if (cover.existing && !waiting) throw duplicateFailure(cover.taskId);
  if (!waiting) {
    out.result({ taskId: cover.taskId }, () => cover.taskId);
    return;
  }

  out.info(
    cover.existing
      ? `This music task already has a cover: task ${cover.taskId}; waiting for it…`
      : `Cover task ${cover.taskId}; waiting…`,
  );
  const done = await client.waitForCover(cover.taskId, {
    pollIntervalMs: pollMs,
    timeoutMs,
  });
  const files = outDir
    ? await saveImages(done.response.images, outDir, cover.taskId)
    : [];
  out.result({ ...done, files }, () =>
    [...done.response.images, ...files.map((f) => `saved ${f}`)].join('\n'),
  );
}

/**
 * Starts a cover task, or finds the one the music task has already: one
 * live cover per music task and variation, and a repeat answers code 400
 * with that task's id.
 */
async function requestOrFindCover(
  client: SleeveClient,
  options: CreateCoverOptions,
): Promise<{ taskId: string; existing: boolean }> {
  try {
    const created = await client.createCover(options);
    return { taskId: created.taskId, existing: false };
  } catch (error) {
    const existing = error instanceof SleeveApiError && error.existingTaskId;
    if (!existing) throw error;
    return { taskId: existing, existing: true };
  }
}

/**
 * Without --wait, an existing cover is not what was asked for (a new
 * task): a failure, exit 1, that names it, as the API's code 400 does.
 */
function duplicateFailure(existingTaskId: string): CommandFailure {
  return new CommandFailure(
    `This music task already has a cover: task ${existingTaskId}. ` +
      '--wait follows that task; --variation asks for another pair.',
    { details: { code: 400, existingTaskId } },
  );
}

async function saveImages(urls: string[], dir: string, taskId: string) {
  await makeFolder(dir);
  return Promise.all(
    urls.map(async (url, i) => {
      const response = await fetch(url);
      if (!response.ok)
        throw new Error(
          `could not download image ${i + 1}: HTTP ${response.status}`,
        );
      const file = path.join(dir, `${taskId}-${i + 1}.png`);
      await fs.writeFile(file, Buffer.from(await response.arrayBuffer()));
      return file;
    }),
  );
}
