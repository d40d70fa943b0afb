import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { MIGRATIONS } from '../../src/storage/migrations.js';
import { REPO_ROOT } from '../support/sleeve-server.js';

const ALL_MIGRATIONS = Object.keys(MIGRATIONS).sort();
import {
  createTestSchema,
  TEST_DATABASE_URL,
} from '../conformance/support/services.js';

const run = promisify(execFile);

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

test('the embedded backends stay the default', () => {
  const config = loadConfig({});
  assert.equal(config.redis, undefined);
  assert.equal(config.s3, undefined);
  assert.equal(config.databaseSchema, '');
  assert.deepEqual(config.queue, { schema: 'sleeve_boss', leaseSec: 30 });
});

test('split services without a public URL stop the start', () => {
  for (const services of ['api', 'worker']) {
    const problems = problemsOf({ SLEEVE_SERVICES: services });
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^SLEEVE_PUBLIC_URL is required when/);
  }
  assert.deepEqual(problemsOf({ SLEEVE_SERVICES: 'api,worker' }), []);
  assert.deepEqual(
    problemsOf({
      SLEEVE_SERVICES: 'worker',
      SLEEVE_PUBLIC_URL: 'https://covers.example.com',
    }),
    [],
  );
});

test('S3 and Redis settings are read together', () => {
  const config = loadConfig({
    SLEEVE_REDIS_URL: 'rediss://cache.internal:6380/2',
    SLEEVE_S3_BUCKET: 'covers',
    SLEEVE_S3_ENDPOINT: 'https://minio.internal:9000/',
    SLEEVE_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    SLEEVE_S3_SECRET_ACCESS_KEY: 'secret',
    SLEEVE_S3_FORCE_PATH_STYLE: 'true',
    SLEEVE_S3_PREFIX: 'sleeve/',
  });
  assert.deepEqual(config.redis, {
    url: 'rediss://cache.internal:6380/2',
    keyPrefix: 'sleeve:',
  });
  assert.deepEqual(config.s3, {
    bucket: 'covers',
    endpoint: 'https://minio.internal:9000',
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    forcePathStyle: true,
    prefix: 'sleeve/',
  });
});

test('broken scale-out settings are all listed at once', () => {
  const problems = problemsOf({
    SLEEVE_REDIS_URL: 'http://cache:6379',
    SLEEVE_S3_ENDPOINT: 'minio:9000',
    SLEEVE_S3_PREFIX: '/leading',
    SLEEVE_QUEUE_SCHEMA: 'Bad-Name',
    SLEEVE_JOB_LEASE_SEC: '1',
  });
  const names = problems.map((p) => p.split(' ')[0]).sort();
  assert.deepEqual(names, [
    'SLEEVE_JOB_LEASE_SEC',
    'SLEEVE_QUEUE_SCHEMA',
    'SLEEVE_REDIS_URL',
    'SLEEVE_S3_ENDPOINT',
    'SLEEVE_S3_PREFIX',
  ]);
  assert.match(
    problemsOf({ SLEEVE_S3_ACCESS_KEY_ID: 'only-half' }).join('\n'),
    /SLEEVE_S3_SECRET_ACCESS_KEY must be set together with SLEEVE_S3_ACCESS_KEY_ID/,
  );
});

test('sleeve migrate prepares a Postgres schema and the queue, once', async () => {
  const queue = await createTestSchema('migrateboss');
  // Not created beforehand: migrate makes it.
  const records = `${queue.name}_records`;
  const env = {
    PATH: process.env['PATH'] ?? '',
    SLEEVE_DATABASE_URL: TEST_DATABASE_URL,
    SLEEVE_DATABASE_SCHEMA: records,
    SLEEVE_QUEUE_SCHEMA: queue.name,
    SLEEVE_LOG_LEVEL: 'silent',
  };
  try {
    const first = JSON.parse(await migrate(env));
    assert.deepEqual(first, {
      database: 'postgres',
      applied: ALL_MIGRATIONS,
      queueSchema: queue.name,
    });
    const again = await migrate(env, []);
    assert.equal(
      again.trim(),
      `postgres: already up to date.\njob queue: schema ${queue.name} is ready.`,
    );
  } finally {
    await queue.drop();
    await dropSchema(records);
  }
});

test('sleeve migrate on SQLite creates the file', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sleeve-migrate-'));
  const env = { PATH: process.env['PATH'] ?? '', SLEEVE_DATA_DIR: dir };
  const output = await migrate(env, []);
  assert.equal(output.trim(), `sqlite: applied ${ALL_MIGRATIONS.join(', ')}.`);
  await fs.access(path.join(dir, 'sleeve.db'));
  await fs.rm(dir, { recursive: true, force: true });
});

async function migrate(env: Record<string, string>, flags = ['--json']) {
  const script = path.join(REPO_ROOT, 'test/cluster/support/migrate-cli.ts');
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', script, 'migrate', ...flags],
    { cwd: REPO_ROOT, env },
  );
  return stdout;
}

async function dropSchema(name: string) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  await client.end();
}
