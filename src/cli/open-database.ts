import fs from 'node:fs/promises';
import { sql } from 'kysely';
import {
  describeConnectionFailure,
  findConnectionFailureCode,
} from '../client/connection-failure.js';
import { withoutPasswords } from '../client/url-credentials.js';
import type { SleeveConfig } from '../config/config.js';
import {
  dialectOf,
  hasSleeveTables,
  migrateToLatest,
  openDatabase,
  sqliteFileHasSleeveTables,
  type Database,
} from '../storage/database.js';
import { CommandFailure, UsageError } from './flags.js';
import { EXIT } from './output.js';

/**
 * The database an operator command (keys, maintenance) works on. Unlike
 * `serve` and `migrate`, these never create one: in the wrong folder, or
 * with a mistyped URL, a new empty database would quietly answer "No
 * keys." It must exist and hold Sleeve's tables; pending migrations are
 * applied, as a starting server would.
 */
export async function openExistingDatabase(
  config: SleeveConfig,
): Promise<Database> {
  const url = config.databaseUrl;
  if (dialectOf(url) === 'sqlite') await checkSleeveFile(url);
  // openDatabase, not openRecordDatabase: that one creates a missing schema.
  const database = await connectDatabase(url, () =>
    openDatabase(url, { migrate: false, schema: config.databaseSchema }),
  );
  try {
    if (!(await hasSleeveTables(database))) throw noSleeveTables(url);
    await migrateToLatest(database);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * A SQLite file is looked at read-only first: a file that is not
 * Sleeve's (empty, or another program's) is refused as it was found.
 */
async function checkSleeveFile(file: string): Promise<void> {
  if (!(await isFile(file))) {
    throw new UsageError(
      `no Sleeve database at ${file}; \`sleeve serve\` or \`sleeve migrate\` ` +
        'creates one (--data-dir or --database-url to choose another)',
    );
  }
  let found: boolean;
  try {
    found = sqliteFileHasSleeveTables(file);
  } catch (error) {
    throw explainOpenFailure(error, file);
  }
  if (!found) {
    throw new UsageError(
      `${file} is not a Sleeve database (it holds no Sleeve tables); ` +
        '`sleeve migrate` creates them',
    );
  }
}

function noSleeveTables(url: string): UsageError {
  return new UsageError(
    `no Sleeve tables in ${withoutPasswords(url)}; ` +
      '`sleeve migrate` creates them',
  );
}

/**
 * Opens a database and makes the first connection (a Postgres pool makes
 * none until asked), so that a database that cannot be reached or opened
 * fails here, as one line naming it: exit 3 when no connection could be
 * made, 2 when it answered but refused (no such database, a wrong user or
 * password, a file that is not SQLite), a setting to correct.
 */
export async function connectDatabase(
  url: string,
  open: () => Promise<Database>,
): Promise<Database> {
  let database: Database | undefined;
  try {
    database = await open();
    await sql`SELECT 1`.execute(database.kysely);
    return database;
  } catch (error) {
    await database?.close().catch(() => undefined);
    throw explainOpenFailure(error, url);
  }
}

/** pg-pool's words when a connection is not made in time; it sets no code. */
const CONNECT_TIMEOUTS = [
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
];

export function explainOpenFailure(error: unknown, url: string): Error {
  const where = withoutPasswords(url);
  if (error instanceof Error && CONNECT_TIMEOUTS.includes(error.message)) {
    return new CommandFailure(
      `cannot reach the database ${where}: it did not answer in time`,
      { exit: EXIT.unreachable, cause: error },
    );
  }
  if (findConnectionFailureCode(error)) {
    const reason = describeConnectionFailure(error);
    return new CommandFailure(`cannot reach the database ${where}: ${reason}`, {
      exit: EXIT.unreachable,
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new UsageError(`cannot open the database ${where}: ${reason}`, {
    cause: error,
  });
}

async function isFile(file: string): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => undefined);
  return stat?.isFile() === true;
}
