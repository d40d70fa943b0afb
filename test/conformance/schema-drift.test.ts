import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { MIGRATIONS } from '../../src/storage/migrations.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { introspect, type SchemaShape } from './support/introspect.js';
import {
  createTestSchema,
  TEST_DATABASE_URL,
  type TestSchema,
} from './support/services.js';

let dir: string;
let schema: TestSchema;
let sqlite: Database;
let postgres: Database;
let shapes: { sqlite: SchemaShape; postgres: SchemaShape };

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sleeve-drift-'));
  schema = await createTestSchema('drift');
  sqlite = await openDatabase(path.join(dir, 'sleeve.db'));
  postgres = await openDatabase(TEST_DATABASE_URL, { schema: schema.name });
  shapes = {
    sqlite: await introspect(sqlite),
    postgres: await introspect(postgres),
  };
});
after(async () => {
  await sqlite.close();
  await postgres.close();
  await schema.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

test('both backends have the same tables', () => {
  assert.deepEqual(
    Object.keys(shapes.postgres.tables).sort(),
    Object.keys(shapes.sqlite.tables).sort(),
  );
  assert.ok(Object.keys(shapes.sqlite.tables).includes('cover_tasks'));
});

test('every table has the same columns, types and nullability', () => {
  for (const [name, table] of Object.entries(shapes.sqlite.tables)) {
    assert.deepEqual(
      shapes.postgres.tables[name]?.columns,
      table.columns,
      `columns of ${name}`,
    );
  }
  const columns = Object.values(shapes.sqlite.tables).flatMap((t) =>
    Object.values(t.columns),
  );
  assert.deepEqual(
    columns.filter((c) => c.startsWith('unmapped:')),
    [],
    'a column type with no entry in the type map',
  );
});

test('every table has the same keys, uniques and indexes', () => {
  for (const [name, table] of Object.entries(shapes.sqlite.tables)) {
    assert.deepEqual(
      shapes.postgres.tables[name]?.indexes,
      table.indexes,
      `indexes of ${name}`,
    );
  }
});

test('the live-cover rule is a partial unique index on both', () => {
  for (const shape of [shapes.sqlite, shapes.postgres]) {
    assert.ok(
      shape.tables['cover_tasks']?.indexes.includes(
        'unique index cover_tasks_one_live_per_variation ' +
          '(key_id, parent_task_id, variation) ' +
          "where status <> 'failed' and replaced_at is null",
      ),
    );
  }
});

test('both record every migration as applied', async () => {
  const applied = async (database: Database) =>
    (
      await database.kysely
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute()
    ).map((row) => (row as { name: string }).name);
  const all = Object.keys(MIGRATIONS).sort();
  assert.deepEqual((await applied(sqlite)).sort(), all);
  assert.deepEqual((await applied(postgres)).sort(), all);
});

test('a fresh schema migrates beside another Sleeve schema', async () => {
  // `postgres` above already holds Kysely's migration tables.
  const second = await createTestSchema('second');
  try {
    const database = await openDatabase(TEST_DATABASE_URL, {
      schema: second.name,
    });
    const shape = await introspect(database);
    await database.close();
    assert.deepEqual(shape, shapes.postgres);
  } finally {
    await second.drop();
  }
});
