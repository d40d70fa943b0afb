// `sleeve migrate` as the CLI runs it, for tests: the same command
// registered on a program of its own (src/cli/main.ts registers it too).
import { Command } from 'commander';
import { registerMigrate } from '../../../src/cli/commands/migrate.js';

const program = new Command('sleeve').exitOverride();
registerMigrate(program);
await program.parseAsync(process.argv);
