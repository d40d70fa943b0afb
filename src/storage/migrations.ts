import { sql, type Kysely, type Migration, type SqlBool } from 'kysely';

/**
 * The one source of truth for the schema of every database backend. Each
 * migration is written with Kysely's schema builder in types both SQLite
 * and PostgreSQL understand; never edit a released migration, add one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_core': {
    async up(db: Kysely<unknown>) {
      await createAccountTables(db);
      await createMusicTables(db);
      await createCoverTables(db);
      await createJobTable(db);
    },
  },
  '0002_cover_variations': {
    async up(db: Kysely<unknown>) {
      await allowOneLiveCoverPerVariation(db);
    },
  },
};

/**
 * A variation is another pair of covers, so the one-live-cover rule
 * applies per (music task, variation); and a cover whose images have
 * passed their retention can be replaced (replaced_at set), which frees
 * its place for a new one.
 */
async function allowOneLiveCoverPerVariation(db: Kysely<unknown>) {
  await db.schema
    .alterTable('cover_tasks')
    .addColumn('replaced_at', 'bigint')
    .execute();
  await db.schema.dropIndex('cover_tasks_one_live_per_parent').execute();
  await db.schema
    .createIndex('cover_tasks_one_live_per_variation')
    .on('cover_tasks')
    .columns(['key_id', 'parent_task_id', 'variation'])
    .unique()
    .where(sql<SqlBool>`"status" <> 'failed' and "replaced_at" is null`)
    .execute();
}

async function createAccountTables(db: Kysely<unknown>) {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('credits_micro', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

async function createMusicTables(db: Kysely<unknown>) {
  await db.schema
    .createTable('music_tasks')
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('param', 'text', (c) => c.notNull())
    .addColumn('tracks', 'text', (c) => c.notNull())
    .addColumn('artist', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('error_code', 'integer')
    .addColumn('error_message', 'text')
    .addColumn('audio_object', 'text')
    .addColumn('features', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('music_tasks_pk', ['key_id', 'task_id'])
    .execute();

  await db.schema
    .createIndex('music_tasks_by_key_time')
    .on('music_tasks')
    .columns(['key_id', 'created_at'])
    .execute();
}

async function createCoverTables(db: Kysely<unknown>) {
  await db.schema
    .createTable('cover_tasks')
    .addColumn('task_id', 'text', (c) => c.primaryKey())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('parent_task_id', 'text', (c) => c.notNull())
    .addColumn('callback_url', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error_message', 'text')
    .addColumn('variation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('charged_micro', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('refunded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('completed_at', 'bigint')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // One live cover per music task: the index itself refuses a second one,
  // so two racing requests cannot both be charged. A failed cover no longer
  // counts, and the parent may be asked again.
  await db.schema
    .createIndex('cover_tasks_one_live_per_parent')
    .on('cover_tasks')
    .columns(['key_id', 'parent_task_id'])
    .unique()
    .where(sql.ref('status'), '<>', 'failed')
    .execute();

  await db.schema
    .createIndex('cover_tasks_by_status')
    .on('cover_tasks')
    .columns(['status', 'created_at'])
    .execute();

  await db.schema
    .createTable('images')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('style', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createIndex('images_by_task')
    .on('images')
    .columns(['task_id', 'position'])
    .execute();

  await db.schema
    .createIndex('images_by_expiry')
    .on('images')
    .columns(['deleted', 'expires_at'])
    .execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .execute();

  await db.schema
    .createIndex('deliveries_due')
    .on('deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

/** The embedded job queue's table; the Postgres queue brings its own. */
async function createJobTable(db: Kysely<unknown>) {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('singleton_key', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('run_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createIndex('jobs_due')
    .on('jobs')
    .columns(['queue', 'state', 'run_at'])
    .execute();

  // A singleton key names work that must not be queued twice at once (the
  // render of one cover task); finished jobs are deleted, freeing the key.
  await db.schema
    .createIndex('jobs_singleton')
    .on('jobs')
    .column('singleton_key')
    .unique()
    .where(sql.ref('singleton_key'), 'is not', null)
    .execute();
}
