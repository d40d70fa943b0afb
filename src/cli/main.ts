#!/usr/bin/env node
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
import { UsageError } from './flags.js';
import { registerServe } from './commands/serve.js';
import { registerRender } from './commands/render.js';
import { registerDemo } from './commands/demo.js';
import { registerContactSheet } from './commands/contact-sheet.js';
import { registerMigrate } from './commands/migrate.js';
import { EXIT } from './output.js';

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

/** Prints the failure in plain words and picks the exit code. */
function report(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`sleeve: ${message}\n`);
  if (error instanceof UsageError || error instanceof ConfigError)
    return EXIT.usage;
  if (error instanceof SleeveNetworkError) return EXIT.unreachable;
  if (error instanceof CoverTimeoutError) return EXIT.timeout;
  if (
    error instanceof SleeveApiError ||
    error instanceof CoverFailedError ||
    error instanceof SleeveError
  ) {
    return EXIT.failed;
  }
  if (error instanceof Error && error.stack)
    process.stderr.write(`${error.stack}\n`);
  return EXIT.failed;
}
