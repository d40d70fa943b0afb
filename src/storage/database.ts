import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  DEFAULT_MIGRATION_TABLE,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
  type MigrationProvider,
} from 'kysely';
import { makeFolderSync } from '../util/make-folder.js';
import { loadPg } from './load-pg.js';
import { MIGRATIONS } from './migrations.js';
import type { SleeveTables } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** An open database of either backend, migrated to the latest schema. */
export interface Database {
  readonly kysely: Kysely<SleeveTables>;
  readonly dialect: Dialect;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Run pending migrations on open (default true). */
  migrate?: boolean;
  /** Postgres only: the schema to use (tests isolate themselves this way). */
  schema?: string;
}

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

export async function openDatabase(
  url: string,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const dialect = dialectOf(url);
  const kysely =
    dialect === 'postgres'
      ? await openPostgres(url, options.schema)
      : openSqlite(url);
  const database: Database = {
    kysely,
    dialect,
    close: () => kysely.destroy(),
  };
  if (options.migrate !== false) await migrateToLatest(database);
  return database;
}

function openSqlite(file: string): Kysely<SleeveTables> {
  makeFolderSync(path.dirname(path.resolve(file)));
  const sqlite = new BetterSqlite3(file);
  // WAL lets the CLI read and write while a server has the file open;
  // synchronous=NORMAL in WAL mode survives a killed process (only a power
  // cut can lose the last commits).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely({
    dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
  });
}

/**
 * Kysely prepares every query anew; preparing costs more than running a
 * small query, so statements are kept by their SQL text. The set of texts
 * is fixed by the code (values are bound parameters), so the cache is
 * bounded in practice; the limit is a guard.
 */
function cachingStatements(sqlite: BetterSqlite3.Database) {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = statements.get(text);
      if (!statement) {
        if (statements.size >= 1000) statements.clear();
        statement = sqlite.prepare(text);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

async function openPostgres(
  url: string,
  schema?: string,
): Promise<Kysely<SleeveTables>> {
  const pg = await loadPg();
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // pg waits for ever by default: a database host that drops packets
    // would hold a request, a job or an operator command without end.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  return new Kysely({ dialect: new PostgresDialect({ pool }) });
}

const CONNECT_TIMEOUT_MS = 10_000;

const provider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.kysely,
    provider,
    ...(database.dialect === 'postgres' && {
      migrationTableSchema: await currentSchema(database),
    }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).map((r) => r.migrationName);
}

/**
 * Whether Sleeve's migrations ever ran here: in the schema on the search
 * path on Postgres, in the file on SQLite.
 */
export async function hasSleeveTables(database: Database): Promise<boolean> {
  const table = DEFAULT_MIGRATION_TABLE;
  const query =
    database.dialect === 'postgres'
      ? sql<{ found: unknown }>`SELECT to_regclass(${table}) AS found`
      : sql<{ found: unknown }>`SELECT name AS found FROM sqlite_master
          WHERE type = 'table' AND name = ${table}`;
  const { rows } = await query.execute(database.kysely);
  return rows[0]?.found != null;
}

/**
 * Whether a SQLite file holds Sleeve's tables, read without changing a
 * byte of it: opening it for writing would turn an empty or foreign file
 * into a WAL-mode database even when the answer is no. An empty file
 * holds none; a file that is not SQLite throws SQLITE_NOTADB.
 */
export function sqliteFileHasSleeveTables(file: string): boolean {
  const sqlite = new BetterSqlite3(file, {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const found = sqlite
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
      .get(DEFAULT_MIGRATION_TABLE);
    return found !== undefined;
  } finally {
    sqlite.close();
  }
}

/**
 * Kysely looks for its migration tables in every schema of a Postgres
 * database unless told which one; another schema's tables (a second
 * deployment, a test) would then be taken for ours.
 */
async function currentSchema(database: Database): Promise<string> {
  const { rows } = await sql<{
    name: string;
  }>`SELECT current_schema() AS name`.execute(database.kysely);
  const name = rows[0]?.name;
  if (!name) throw new Error('Postgres: no schema on the search_path');
  return name;
}
