#!/usr/bin/env -S node --max-semi-space-size=4
import { Command, CommanderError } from 'commander';
import {
  CoverFailedError,
  CoverTimeoutError,
  SleeveApiError,
  SleeveNetworkError,
} from '../client/index.js';
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

const program = new Command('sleeve')
  .description('Sleeve: self-hosted cover art for Suno-style music tasks.')
  .version('0.1.0')
  .exitOverride()
  .showHelpAfterError();

registerServe(program);
registerKeys(program);
registerMaintenance(program);
registerMusic(program);
registerCover(program);
registerRender(program);
registerDemo(program);
registerContactSheet(program);
registerMigrate(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = report(error);
}

/** Prints the failure in plain words (JSON with --json); the exit code. */
function report(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  const exit = exitCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (process.argv.includes('--json')) {
    const code = error instanceof SleeveApiError ? error.code : undefined;
    const failure = { error: { message, exit, ...(code && { code }) } };
    process.stdout.write(`${JSON.stringify(failure, null, 2)}\n`);
  }
  process.stderr.write(`sleeve: ${printable(error, message)}\n`);
  if (exit === EXIT.failed && isUnexpected(error)) {
    process.stderr.write(`${(error as Error).stack ?? ''}\n`);
  }
  return exit;
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
  const problems = error.problems.map((problem) => `  ${shown(problem)}`);
  return [heading, ...problems].join('\n');
}

function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfigError) {
    return EXIT.usage;
  }
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
