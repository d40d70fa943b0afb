import type { Selectable, Transaction } from 'kysely';
import type { Database } from './database.js';
import type { CoverTask, Delivery, StoredImage } from './records.js';
import type { CoverTasksTable, SleeveTables } from './schema.js';
import { couldBeTaskId } from './task-ids.js';

export interface NewCoverTask {
  taskId: string;
  keyId: string;
  parentTaskId: string;
  callbackUrl: string | null;
  variation: number;
  costMicro: number;
  createdAt: number;
}

export type CreateCoverResult =
  | { kind: 'created'; task: CoverTask }
  | { kind: 'duplicate'; existing: CoverTask }
  | { kind: 'insufficient-credits' };

const LIVE = ['pending', 'generating', 'success'] as const;
const UNFINISHED = ['pending', 'generating'] as const;

export class CoverTaskStore {
  constructor(private readonly db: Database) {}

  /**
   * Charges the key and creates the task in one transaction, unless the
   * parent already has a live cover. The unique index settles a race
   * between two processes: the loser rolls back and reports the winner.
   */
  async create(task: NewCoverTask): Promise<CreateCoverResult> {
    try {
      return await this.db.kysely
        .transaction()
        .execute((trx) => createInTransaction(trx, task));
    } catch (error) {
      const existing = await findLive(
        this.db.kysely,
        task.keyId,
        task.parentTaskId,
        task.variation,
      );
      if (existing) return { kind: 'duplicate', existing };
      throw error;
    }
  }

  async get(taskId: string): Promise<CoverTask | undefined> {
    if (!couldBeTaskId(taskId)) return undefined;
    const row = await this.db.kysely
      .selectFrom('cover_tasks')
      .selectAll()
      .where('task_id', '=', taskId)
      .executeTakeFirst();
    return row && toCoverTask(row);
  }

  /** The newest cover task of a music task, whatever its state. */
  async findLatestForParent(
    keyId: string,
    parentTaskId: string,
  ): Promise<CoverTask | undefined> {
    const row = await this.db.kysely
      .selectFrom('cover_tasks')
      .selectAll()
      .where('key_id', '=', keyId)
      .where('parent_task_id', '=', parentTaskId)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row && toCoverTask(row);
  }

  /** The live cover of a music task's variation (default 0), if any. */
  async findLive(
    keyId: string,
    parentTaskId: string,
    variation = 0,
  ): Promise<CoverTask | undefined> {
    return findLive(this.db.kysely, keyId, parentTaskId, variation);
  }

  /** Marks a pending (or abandoned generating) task as generating. */
  async start(taskId: string, now: number): Promise<CoverTask | undefined> {
    const row = await this.db.kysely
      .updateTable('cover_tasks')
      .set((eb) => ({
        status: 'generating',
        started_at: now,
        attempts: eb('attempts', '+', 1),
      }))
      .where('task_id', '=', taskId)
      .where('status', 'in', UNFINISHED)
      .returningAll()
      .executeTakeFirst();
    return row && toCoverTask(row);
  }

  /**
   * Stores the images, marks the task done and queues its callback, all at
   * once: record-info is final before any callback can be sent. False if
   * the task had already ended.
   */
  async succeed(
    taskId: string,
    images: StoredImage[],
    delivery: Delivery | null,
    now: number,
  ): Promise<boolean> {
    return this.db.kysely.transaction().execute(async (trx) => {
      const ended = await trx
        .updateTable('cover_tasks')
        .set({ status: 'success', completed_at: now, error_message: null })
        .where('task_id', '=', taskId)
        .where('status', 'in', UNFINISHED)
        .executeTakeFirst();
      if (Number(ended.numUpdatedRows) === 0) return false;

      await trx.insertInto('images').values(images.map(toImageRow)).execute();
      if (delivery) await insertDelivery(trx, delivery);
      return true;
    });
  }

  /** Fails the task, refunds its charge once, and queues its callback. */
  async fail(
    taskId: string,
    reason: string,
    delivery: Delivery | null,
    now: number,
  ): Promise<boolean> {
    return this.db.kysely.transaction().execute(async (trx) => {
      const ended = await trx
        .updateTable('cover_tasks')
        .set({
          status: 'failed',
          completed_at: now,
          error_message: reason,
          refunded: 1,
        })
        .where('task_id', '=', taskId)
        .where('status', 'in', UNFINISHED)
        .returning(['key_id', 'charged_micro'])
        .executeTakeFirst();
      if (!ended) return false;

      await trx
        .updateTable('api_keys')
        .set((eb) => ({
          credits_micro: eb('credits_micro', '+', ended.charged_micro),
        }))
        .where('id', '=', ended.key_id)
        .execute();
      if (delivery) await insertDelivery(trx, delivery);
      return true;
    });
  }

  /** Unfinished tasks created before `before`, oldest first. */
  async listUnfinished(before: number, limit: number): Promise<CoverTask[]> {
    const rows = await this.db.kysely
      .selectFrom('cover_tasks')
      .selectAll()
      .where('status', 'in', UNFINISHED)
      .where('created_at', '<', before)
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map(toCoverTask);
  }

  async listForParents(
    keyId: string,
    parentTaskIds: string[],
  ): Promise<CoverTask[]> {
    if (parentTaskIds.length === 0) return [];
    const rows = await this.db.kysely
      .selectFrom('cover_tasks')
      .selectAll()
      .where('key_id', '=', keyId)
      .where('parent_task_id', 'in', parentTaskIds)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toCoverTask);
  }
}

async function createInTransaction(
  trx: Transaction<SleeveTables>,
  task: NewCoverTask,
): Promise<CreateCoverResult> {
  const existing = await findLive(
    trx,
    task.keyId,
    task.parentTaskId,
    task.variation,
  );
  if (existing && !(await replaceIfExpired(trx, existing, task.createdAt))) {
    return { kind: 'duplicate', existing };
  }

  if (task.costMicro > 0) {
    const charged = await trx
      .updateTable('api_keys')
      .set((eb) => ({
        credits_micro: eb('credits_micro', '-', task.costMicro),
      }))
      .where('id', '=', task.keyId)
      .where('credits_micro', '>=', task.costMicro)
      .executeTakeFirst();
    if (Number(charged.numUpdatedRows) === 0) {
      return { kind: 'insufficient-credits' };
    }
  }

  const row = await trx
    .insertInto('cover_tasks')
    .values({
      task_id: task.taskId,
      key_id: task.keyId,
      parent_task_id: task.parentTaskId,
      callback_url: task.callbackUrl,
      status: 'pending',
      error_message: null,
      variation: task.variation,
      charged_micro: task.costMicro,
      refunded: 0,
      created_at: task.createdAt,
      started_at: null,
      completed_at: null,
      attempts: 0,
      replaced_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { kind: 'created', task: toCoverTask(row) };
}

async function findLive(
  db: Database['kysely'],
  keyId: string,
  parentTaskId: string,
  variation: number,
): Promise<CoverTask | undefined> {
  const row = await db
    .selectFrom('cover_tasks')
    .selectAll()
    .where('key_id', '=', keyId)
    .where('parent_task_id', '=', parentTaskId)
    .where('variation', '=', variation)
    .where('status', 'in', LIVE)
    .where('replaced_at', 'is', null)
    .executeTakeFirst();
  return row && toCoverTask(row);
}

/**
 * A finished cover whose images have all passed their retention serves
 * nothing any more: it is marked replaced, so a new one can be made. Its
 * record-info stays as it was (its URLs answer 410).
 */
async function replaceIfExpired(
  trx: Transaction<SleeveTables>,
  existing: CoverTask,
  now: number,
): Promise<boolean> {
  if (existing.status !== 'success') return false;
  const live = await trx
    .selectFrom('images')
    .select('name')
    .where('task_id', '=', existing.taskId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (live) return false;
  await trx
    .updateTable('cover_tasks')
    .set({ replaced_at: now })
    .where('task_id', '=', existing.taskId)
    .execute();
  return true;
}

async function insertDelivery(
  trx: Transaction<SleeveTables>,
  delivery: Delivery,
): Promise<void> {
  await trx
    .insertInto('deliveries')
    .values({
      id: delivery.id,
      task_id: delivery.taskId,
      url: delivery.url,
      body: delivery.body,
      status: delivery.status,
      attempts: delivery.attempts,
      last_status: delivery.lastStatus,
      last_error: delivery.lastError,
      next_attempt_at: delivery.nextAttemptAt,
      created_at: delivery.createdAt,
      delivered_at: delivery.deliveredAt,
    })
    .execute();
}

function toImageRow(image: StoredImage) {
  return {
    name: image.name,
    task_id: image.taskId,
    position: image.position,
    style: image.style,
    content_type: image.contentType,
    byte_size: image.byteSize,
    created_at: image.createdAt,
    expires_at: image.expiresAt,
    deleted: image.deleted ? 1 : 0,
  };
}

function toCoverTask(row: Selectable<CoverTasksTable>): CoverTask {
  return {
    taskId: row.task_id,
    keyId: row.key_id,
    parentTaskId: row.parent_task_id,
    callbackUrl: row.callback_url,
    status: row.status as CoverTask['status'],
    errorMessage: row.error_message,
    variation: row.variation,
    chargedMicro: Number(row.charged_micro),
    refunded: row.refunded === 1,
    createdAt: Number(row.created_at),
    startedAt: row.started_at === null ? null : Number(row.started_at),
    completedAt: row.completed_at === null ? null : Number(row.completed_at),
    attempts: row.attempts,
  };
}
