import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../src/storage/database.js';

/** A database's shape, in terms both backends can be compared in. */
export interface SchemaShape {
  tables: Record<string, TableShape>;
}

export interface TableShape {
  /** Column name → "type" or "type not null". */
  columns: Record<string, string>;
  /** "primary (a, b)", "unique (a)", "index name (a, b) where ..." */
  indexes: string[];
}

/**
 * The one place the two dialects' type names meet. Migrations use only
 * these three; a new type needs a line here, which is the point.
 */
const TYPE_NAMES: Record<string, string> = {
  text: 'text',
  integer: 'integer',
  int4: 'integer',
  bigint: 'bigint',
  int8: 'bigint',
};

const IGNORED_TABLES = /^(sqlite_|kysely_migration)/;

export async function introspect(database: Database): Promise<SchemaShape> {
  return database.dialect === 'sqlite'
    ? introspectSqlite(database.kysely as Kysely<unknown>)
    : introspectPostgres(database.kysely as Kysely<unknown>);
}

async function introspectSqlite(db: Kysely<unknown>): Promise<SchemaShape> {
  const tables = await rows<{ name: string }>(
    db,
    sql`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
  );
  const shape: SchemaShape = { tables: {} };
  for (const { name } of tables) {
    if (IGNORED_TABLES.test(name)) continue;
    shape.tables[name] = {
      columns: await sqliteColumns(db, name),
      indexes: await sqliteIndexes(db, name),
    };
  }
  return shape;
}

async function sqliteColumns(db: Kysely<unknown>, table: string) {
  const columns = await rows<{
    name: string;
    type: string;
    notnull: number;
    pk: number;
  }>(db, sql`SELECT * FROM pragma_table_info(${table})`);
  // SQLite lets a non-integer primary key hold NULL unless told otherwise;
  // Postgres never does. Sleeve never writes a NULL key, so a key column
  // counts as NOT NULL here rather than as drift.
  return Object.fromEntries(
    columns.map((c) => [c.name, column(c.type, c.notnull === 1 || c.pk > 0)]),
  );
}

async function sqliteIndexes(db: Kysely<unknown>, table: string) {
  const indexes = await rows<{
    name: string;
    unique: number;
    origin: string;
    partial: number;
  }>(db, sql`SELECT * FROM pragma_index_list(${table})`);
  const described = [];
  for (const index of indexes) {
    const columns = await rows<{ name: string }>(
      db,
      sql`SELECT name FROM pragma_index_info(${index.name}) ORDER BY seqno`,
    );
    const where = index.partial
      ? await sqlitePredicate(db, index.name)
      : undefined;
    described.push(
      describeIndex(
        kindOf(index.origin),
        index.name,
        index.unique === 1,
        columns.map((c) => c.name),
        where,
      ),
    );
  }
  const keyColumns = await rows<{ name: string; pk: number }>(
    db,
    sql`SELECT name, pk FROM pragma_table_info(${table}) WHERE pk > 0 ORDER BY pk`,
  );
  // An INTEGER PRIMARY KEY has no index of its own in SQLite.
  if (keyColumns.length > 0 && !described.some((d) => d.startsWith('primary')))
    described.push(`primary (${keyColumns.map((c) => c.name).join(', ')})`);
  return described.sort();
}

async function sqlitePredicate(db: Kysely<unknown>, index: string) {
  const [row] = await rows<{ sql: string }>(
    db,
    sql`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ${index}`,
  );
  return row?.sql.replace(/^.*\bwhere\b/is, '');
}

async function introspectPostgres(db: Kysely<unknown>): Promise<SchemaShape> {
  const columns = await rows<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
  }>(
    db,
    sql`SELECT table_name, column_name, data_type, is_nullable
          FROM information_schema.columns
         WHERE table_schema = current_schema()
         ORDER BY table_name, ordinal_position`,
  );
  const shape: SchemaShape = { tables: {} };
  for (const c of columns) {
    if (IGNORED_TABLES.test(c.table_name)) continue;
    const table = (shape.tables[c.table_name] ??= { columns: {}, indexes: [] });
    table.columns[c.column_name] = column(c.data_type, c.is_nullable === 'NO');
  }
  for (const index of await postgresIndexes(db)) {
    shape.tables[index.table]?.indexes.push(index.description);
  }
  for (const table of Object.values(shape.tables)) table.indexes.sort();
  return shape;
}

async function postgresIndexes(db: Kysely<unknown>) {
  const indexes = await rows<{
    table: string;
    name: string;
    unique: boolean;
    primary: boolean;
    constraint: string | null;
    columns: string[];
    predicate: string | null;
  }>(
    db,
    sql`SELECT t.relname AS table, i.relname AS name,
               x.indisunique AS unique, x.indisprimary AS primary,
               c.contype AS constraint,
               array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(n, o)
                       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n
                      ORDER BY k.o)::text[] AS columns,
               pg_get_expr(x.indpred, x.indrelid) AS predicate
          FROM pg_index x
          JOIN pg_class i ON i.oid = x.indexrelid
          JOIN pg_class t ON t.oid = x.indrelid
          JOIN pg_namespace n ON n.oid = t.relnamespace
          LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid
         WHERE n.nspname = current_schema()`,
  );
  return indexes.map((index) => ({
    table: index.table,
    description: describeIndex(
      index.primary ? 'primary' : index.constraint === 'u' ? 'unique' : 'index',
      index.name,
      index.unique,
      index.columns,
      index.predicate ?? undefined,
    ),
  }));
}

type IndexKind = 'primary' | 'unique' | 'index';

function kindOf(origin: string): IndexKind {
  if (origin === 'pk') return 'primary';
  return origin === 'u' ? 'unique' : 'index';
}

/**
 * Names only for indexes a migration named: constraint indexes get names
 * each dialect makes up itself.
 */
function describeIndex(
  kind: IndexKind,
  name: string,
  unique: boolean,
  columns: string[],
  predicate: string | undefined,
): string {
  const list = `(${columns.join(', ')})`;
  if (kind !== 'index') return `${kind} ${list}`;
  const where = predicate ? ` where ${normalizePredicate(predicate)}` : '';
  return `${unique ? 'unique ' : ''}index ${name} ${list}${where}`;
}

/** `("status" <> 'failed')` and `(status <> 'failed'::text)` are equal. */
function normalizePredicate(predicate: string): string {
  return predicate
    .replace(/::[a-z ]+/g, '')
    .replace(/["()]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function column(type: string, notNull: boolean): string {
  const name = TYPE_NAMES[type.toLowerCase()] ?? `unmapped:${type}`;
  return notNull ? `${name} not null` : name;
}

async function rows<T>(
  db: Kysely<unknown>,
  query: ReturnType<typeof sql>,
): Promise<T[]> {
  return (await query.execute(db)).rows as T[];
}
