import type { Selectable } from 'kysely';
import type { Database } from './database.js';
import type { StoredImage } from './records.js';
import type { ImagesTable } from './schema.js';

/** What is known of each cover image; the bytes live in an ObjectStore. */
export class ImageStore {
  constructor(private readonly db: Database) {}

  async get(name: string): Promise<StoredImage | undefined> {
    const row = await this.db.kysely
      .selectFrom('images')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    return row && toStoredImage(row);
  }

  async listForTask(taskId: string): Promise<StoredImage[]> {
    const rows = await this.db.kysely
      .selectFrom('images')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('position')
      .execute();
    return rows.map(toStoredImage);
  }

  async listForTasks(taskIds: string[]): Promise<StoredImage[]> {
    if (taskIds.length === 0) return [];
    const rows = await this.db.kysely
      .selectFrom('images')
      .selectAll()
      .where('task_id', 'in', taskIds)
      .orderBy('task_id')
      .orderBy('position')
      .execute();
    return rows.map(toStoredImage);
  }

  /** Images past their retention whose bytes have not been deleted yet. */
  async listExpired(now: number, limit: number): Promise<StoredImage[]> {
    const rows = await this.db.kysely
      .selectFrom('images')
      .selectAll()
      .where('deleted', '=', 0)
      .where('expires_at', '<=', now)
      .orderBy('expires_at')
      .limit(limit)
      .execute();
    return rows.map(toStoredImage);
  }

  async markDeleted(names: string[]): Promise<void> {
    if (names.length === 0) return;
    await this.db.kysely
      .updateTable('images')
      .set({ deleted: 1 })
      .where('name', 'in', names)
      .execute();
  }
}

function toStoredImage(row: Selectable<ImagesTable>): StoredImage {
  return {
    name: row.name,
    taskId: row.task_id,
    position: row.position,
    style: row.style,
    contentType: row.content_type,
    byteSize: row.byte_size,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    deleted: row.deleted === 1,
  };
}
