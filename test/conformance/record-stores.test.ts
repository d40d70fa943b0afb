import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/storage/database.js';
import { createTestSchema, TEST_DATABASE_URL } from './support/services.js';
import { coverTaskStoreSuite } from './suites/cover-task-store-suite.js';
import { recordStoresSuite } from './suites/record-stores-suite.js';

/** A fresh SQLite file; the suites share it within this file. */
async function openSqlite() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sleeve-stores-'));
  const database = await openDatabase(path.join(dir, 'sleeve.db'));
  return {
    database,
    close: async () => {
      await database.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh Postgres schema for this file, dropped at the end. */
async function openPostgres() {
  const schema = await createTestSchema('stores');
  const database = await openDatabase(TEST_DATABASE_URL, {
    schema: schema.name,
  });
  return {
    database,
    close: async () => {
      await database.close();
      await schema.drop();
    },
  };
}

for (const [name, open] of [
  ['SQLite', openSqlite],
  ['Postgres', openPostgres],
] as const) {
  coverTaskStoreSuite(name, open);
  recordStoresSuite(name, open);
}
