import type { Selectable } from 'kysely';
import type { Database } from './database.js';
import type { Delivery, DeliveryStatus } from './records.js';
import type { DeliveriesTable } from './schema.js';

export interface DeliveryAttempt {
  status: DeliveryStatus;
  httpStatus: number | null;
  error: string | null;
  nextAttemptAt: number;
  now: number;
}

/** Callback deliveries, kept as records so none is lost and all are seen. */
export class DeliveryStore {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<Delivery | undefined> {
    const row = await this.db.kysely
      .selectFrom('deliveries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toDelivery(row);
  }

  async listForTask(taskId: string): Promise<Delivery[]> {
    const rows = await this.db.kysely
      .selectFrom('deliveries')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('created_at')
      .execute();
    return rows.map(toDelivery);
  }

  /** Pending deliveries due at `now`, oldest first. */
  async listDue(now: number, limit: number): Promise<Delivery[]> {
    const rows = await this.db.kysely
      .selectFrom('deliveries')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }

  async recordAttempt(id: string, attempt: DeliveryAttempt): Promise<void> {
    await this.db.kysely
      .updateTable('deliveries')
      .set((eb) => ({
        status: attempt.status,
        attempts: eb('attempts', '+', 1),
        last_status: attempt.httpStatus,
        last_error: attempt.error,
        next_attempt_at: attempt.nextAttemptAt,
        delivered_at: attempt.status === 'delivered' ? attempt.now : null,
      }))
      .where('id', '=', id)
      .execute();
  }
}

function toDelivery(row: Selectable<DeliveriesTable>): Delivery {
  return {
    id: row.id,
    taskId: row.task_id,
    url: row.url,
    body: row.body,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    nextAttemptAt: Number(row.next_attempt_at),
    createdAt: Number(row.created_at),
    deliveredAt: row.delivered_at === null ? null : Number(row.delivered_at),
  };
}
