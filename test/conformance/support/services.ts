import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The real services the scale-out backends are tested against, on this
 * machine only. .ci/run makes sure both are up.
 */
export const TEST_DATABASE_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL =
  process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A short random lowercase name part, safe in SQL, Redis and bucket names. */
export function randomSuffix(): string {
  return randomBytes(5).toString('hex');
}

export interface TestSchema {
  name: string;
  drop(): Promise<void>;
}

/** A fresh Postgres schema; dropped with everything in it at the end. */
export async function createTestSchema(label: string): Promise<TestSchema> {
  const name = `t_${label}_${randomSuffix()}`;
  await runSql(`CREATE SCHEMA ${name}`);
  return { name, drop: () => runSql(`DROP SCHEMA IF EXISTS ${name} CASCADE`) };
}

async function runSql(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
