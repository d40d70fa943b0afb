import type { Command } from 'commander';
import { openPgBossQueue, openRecordDatabase } from '../../backends.js';
import { loadConfig, type SleeveConfig } from '../../config/config.js';
import { createLogger } from '../../logger.js';
import { dialectOf, migrateToLatest } from '../../storage/database.js';
import { connectDatabase } from '../open-database.js';
import { createOutput } from '../output.js';

export interface MigrateResult {
  database: 'sqlite' | 'postgres';
  /** Migrations applied by this run, oldest first; empty when current. */
  applied: string[];
  /** The pg-boss schema made ready (Postgres only). */
  queueSchema: string | null;
}

/**
 * `sleeve migrate`: brings the database to the latest schema, and with
 * Postgres installs or upgrades the job queue's schema too. Servers also
 * migrate as they start; this runs it once, as a release step, before the
 * processes of a new version start.
 */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Bring the database (and the Postgres job queue) up to date.')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  sleeve migrate\n' +
        '  SLEEVE_DATABASE_URL=postgres://sleeve@db/sleeve sleeve migrate',
    )
    .action(async (flags: { json?: boolean }) => {
      const output = createOutput(flags.json === true);
      const result = await runMigrations(loadConfig());
      output.result(result, () => describeResult(result));
    });
}

export async function runMigrations(
  config: SleeveConfig,
): Promise<MigrateResult> {
  const database = await connectDatabase(config.databaseUrl, () =>
    openRecordDatabase(config, { migrate: false }),
  );
  let applied: string[];
  try {
    applied = await migrateToLatest(database);
  } finally {
    await database.close();
  }

  let queueSchema: string | null = null;
  if (dialectOf(config.databaseUrl) === 'postgres') {
    const queue = await openPgBossQueue(config, createLogger(config));
    await queue.close();
    queueSchema = config.queue.schema;
  }
  return { database: dialectOf(config.databaseUrl), applied, queueSchema };
}

function describeResult(result: MigrateResult): string {
  const records =
    result.applied.length === 0
      ? `${result.database}: already up to date.`
      : `${result.database}: applied ${result.applied.join(', ')}.`;
  if (!result.queueSchema) return records;
  return `${records}\njob queue: schema ${result.queueSchema} is ready.`;
}
