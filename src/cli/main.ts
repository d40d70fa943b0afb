#!/usr/bin/env -S node --max-semi-space-size=4
import { Command, CommanderError } from 'commander';
import {
  CoverFailedError,
  CoverTimeoutError,
  SleeveApiError,
  SleeveNetworkError,
} from '../client/index.js';
import { withoutPasswords } from '../client/url-credentials.js';
import { ConfigError } from '../config/config.js';
import { SleeveError } from '../errors.js';
import { registerCover, registerMusic } from './commands/client-commands.js';
import { registerKeys, registerMaintenance } from './commands/keys.js';
import { CommandFailure, UsageError } from './flags.js';
import { RenderInputError } from '../engine/render-pool.js';
import { registerServe } from './commands/serve.js';
import { registerRender } from './commands/render.js';
import { registerDemo } from './commands/demo.js';
import { registerContactSheet } from './commands/contact-sheet.js';
import { registerMigrate } from './commands/migrate.js';
import { EXIT, shown } from './output.js';

/** With --json anywhere, every failure is a JSON object, usage errors too. */
const wantsJson = process.argv.includes('--json');

const EXAMPLES = `
Examples:
  sleeve serve
  sleeve keys create --name "my app" --credits 50
  sleeve music add --title "Nebula" --tags "space ambient" --audio nebula.ogg
  sleeve cover 5c79e3f1a2b84d0c9e1f7a6b3d2c8e90 --wait --out covers/
  sleeve render --title "Paper Lanterns" --tags "lo-fi, rainy night"
  sleeve demo

Every command has --help with examples, and --json output (failures too).
Exit codes: 0 done, 1 failed, 2 bad command line or configuration,
3 server or database unreachable, 4 --wait timed out.`;

const program = new Command('sleeve')
  .description('Sleeve: self-hosted cover art for Suno-style music tasks.')
  .version('0.1.0')
  .option('--json', 'print JSON (as --json after the command does)')
  // Each command reads its own options; the parent's --json is handed on.
  .enablePositionalOptions()
  .hook('preAction', passJsonOn)
  .exitOverride()
  .configureOutput({ writeErr: writeCommanderError })
  // A script that asked for JSON gets the error object, not a page of help.
  .showHelpAfterError(!wantsJson)
  .addHelpText('after', EXAMPLES);

registerServe(program);
registerKeys(program);
registerMaintenance(program);
registerMusic(program);
registerCover(program);
registerRender(program);
registerDemo(program);
registerContactSheet(program);
registerMigrate(program);

// `sleeve … | head` closes the pipe early: that is the reader's choice,
// not a failure to report with a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = report(error);
}

/** `sleeve --json keys list` is `sleeve keys list --json`. */
function passJsonOn(_program: Command, command: Command): void {
  if (command.optsWithGlobals()['json']) command.setOptionValue('json', true);
}

/**
 * Commander's usage errors and help pages for a person. Under --json
 * reportUsage writes the failure's one line instead; either way a URL in
 * the quoted command line loses its password.
 */
function writeCommanderError(text: string): void {
  if (!wantsJson) process.stderr.write(withoutPasswords(text));
}

/** Prints the failure in plain words (JSON with --json); the exit code. */
function report(error: unknown): number {
  if (error instanceof CommanderError) return reportUsage(error);
  const exit = exitCodeOf(error);
  const message = withoutPasswords(
    error instanceof Error ? error.message : String(error),
  );
  if (wantsJson) writeJsonFailure({ message, exit, ...detailsOf(error) });
  process.stderr.write(`sleeve: ${printable(error, message)}\n`);
  if (exit === EXIT.failed && isUnexpected(error)) {
    process.stderr.write(`${withoutPasswords((error as Error).stack ?? '')}\n`);
  }
  return exit;
}

/**
 * Commander has printed its own words on stderr, unless under --json: then
 * the JSON object goes to stdout, where the command's result would have
 * been, and one line to stderr, as for any failure.
 */
function reportUsage(error: CommanderError): number {
  if (error.exitCode === 0) return EXIT.ok; // --help, --version
  if (wantsJson) {
    const message =
      error.code === 'commander.help'
        ? describeMissingCommand()
        : withoutPasswords(error.message.replace(/^error: /, ''));
    writeJsonFailure({ message, exit: EXIT.usage });
    process.stderr.write(`sleeve: ${shown(message)}\n`);
  }
  return EXIT.usage;
}

/**
 * Commander asks for help when a command that has commands (sleeve,
 * sleeve keys) is given none; which one is read from the command line.
 */
function describeMissingCommand(): string {
  let command = program;
  for (const word of program.args) {
    const next = command.commands.find((c) => c.name() === word);
    if (!next) break;
    command = next;
  }
  const name = ['sleeve', ...ancestorsOf(command)].join(' ');
  const choices = command.commands.map((c) => c.name()).join(', ');
  return `${name} needs a command (${choices}); see ${name} --help`;
}

/** The command's names below the program: ['keys'] for `sleeve keys`. */
function ancestorsOf(command: Command): string[] {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) {
    names.unshift(c.name());
  }
  return names;
}

interface JsonFailure {
  message: string;
  exit: number;
  /** The API's envelope code, for an API error; a command's own details. */
  [detail: string]: unknown;
}

function detailsOf(error: unknown): Record<string, unknown> {
  if (error instanceof CommandFailure) return error.details;
  if (error instanceof SleeveApiError) return { code: error.code };
  return {};
}

function writeJsonFailure(failure: JsonFailure): void {
  const text = JSON.stringify({ error: failure }, null, 2);
  process.stdout.write(`${text}\n`);
}

/**
 * The message as safe text for a terminal. It may quote a server or a
 * user, so its control characters are escaped, line breaks too; only a
 * configuration error's list is ours to break into lines, and each
 * problem in it (which may quote a setting) is escaped on its own.
 */
function printable(error: unknown, message: string): string {
  if (!(error instanceof ConfigError)) return shown(message);
  const [heading] = message.split('\n', 1);
  const problems = error.problems.map(
    (problem) => `  ${shown(withoutPasswords(problem))}`,
  );
  return [heading, ...problems].join('\n');
}

function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfigError) {
    return EXIT.usage;
  }
  if (error instanceof CommandFailure) return error.exit;
  if (error instanceof SleeveNetworkError) return EXIT.unreachable;
  if (error instanceof CoverTimeoutError) return EXIT.timeout;
  return EXIT.failed;
}

/**
 * Errors worth a stack trace: not the API's answers, not a file that is
 * missing, unreadable, not JSON or not audio, not a failure a command
 * explains itself.
 */
function isUnexpected(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (
    error instanceof SleeveApiError ||
    error instanceof CoverFailedError ||
    error instanceof SleeveError ||
    error instanceof CommandFailure ||
    error instanceof RenderInputError ||
    error instanceof SyntaxError
  ) {
    return false;
  }
  return typeof (error as NodeJS.ErrnoException).syscall !== 'string';
}
