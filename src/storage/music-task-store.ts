import type { Selectable } from 'kysely';
import type { AudioFeatures } from '../audio/features.js';
import type { Database } from './database.js';
import type { MusicTask } from './records.js';
import type { MusicTasksTable } from './schema.js';
import { couldBeTaskId } from './task-ids.js';

export interface ListOptions {
  limit: number;
  /**
   * Only records after this one in the listing's order (newest first),
   * for paging. Both parts are needed: several records can share a
   * millisecond.
   */
  after?: { createdAt: number; taskId: string };
}

export class MusicTaskStore {
  constructor(private readonly db: Database) {}

  /**
   * Stores the record unless the key already has one with this task id;
   * either way answers the stored record, so importing twice changes
   * nothing.
   */
  async insertIfAbsent(
    task: MusicTask,
  ): Promise<{ created: boolean; task: MusicTask }> {
    const result = await this.db.kysely
      .insertInto('music_tasks')
      .values(toRow(task))
      .onConflict((oc) => oc.columns(['key_id', 'task_id']).doNothing())
      .executeTakeFirst();
    const created = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    const stored = await this.get(task.keyId, task.taskId);
    if (!stored) throw new Error(`music task ${task.taskId} vanished`);
    return { created, task: stored };
  }

  async get(keyId: string, taskId: string): Promise<MusicTask | undefined> {
    if (!couldBeTaskId(taskId)) return undefined;
    const row = await this.db.kysely
      .selectFrom('music_tasks')
      .selectAll()
      .where('key_id', '=', keyId)
      .where('task_id', '=', taskId)
      .executeTakeFirst();
    return row && toMusicTask(row);
  }

  async list(keyId: string, options: ListOptions): Promise<MusicTask[]> {
    let query = this.db.kysely
      .selectFrom('music_tasks')
      .selectAll()
      .where('key_id', '=', keyId);
    const after = options.after;
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('created_at', '<', after.createdAt),
          eb.and([
            eb('created_at', '=', after.createdAt),
            eb('task_id', '<', after.taskId),
          ]),
        ]),
      );
    }
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('task_id', 'desc')
      .limit(options.limit)
      .execute();
    return rows.map(toMusicTask);
  }

  /**
   * Replaces what a provider reported of an unfinished imported record;
   * a record that has meanwhile finished is left alone.
   */
  async updateImported(
    task: MusicTask,
    update: Pick<
      MusicTask,
      'status' | 'param' | 'tracks' | 'errorCode' | 'errorMessage'
    >,
  ): Promise<MusicTask | undefined> {
    await this.db.kysely
      .updateTable('music_tasks')
      .set({
        status: update.status,
        param: update.param,
        tracks: JSON.stringify(update.tracks),
        error_code: update.errorCode,
        error_message: update.errorMessage,
      })
      .where('key_id', '=', task.keyId)
      .where('task_id', '=', task.taskId)
      .where('status', '<>', 'SUCCESS')
      .execute();
    return this.get(task.keyId, task.taskId);
  }

  async setFeatures(
    keyId: string,
    taskId: string,
    features: AudioFeatures,
  ): Promise<void> {
    await this.db.kysely
      .updateTable('music_tasks')
      .set({ features: JSON.stringify(features) })
      .where('key_id', '=', keyId)
      .where('task_id', '=', taskId)
      .execute();
  }
}

function toRow(task: MusicTask): MusicTasksTable {
  return {
    key_id: task.keyId,
    task_id: task.taskId,
    source: task.source,
    status: task.status,
    param: task.param,
    tracks: JSON.stringify(task.tracks),
    artist: task.artist,
    error_code: task.errorCode,
    error_message: task.errorMessage,
    audio_object: task.audioObject,
    features: task.features && JSON.stringify(task.features),
    created_at: task.createdAt,
  };
}

function toMusicTask(row: Selectable<MusicTasksTable>): MusicTask {
  return {
    keyId: row.key_id,
    taskId: row.task_id,
    source: row.source as MusicTask['source'],
    status: row.status as MusicTask['status'],
    param: row.param,
    tracks: JSON.parse(row.tracks) as MusicTask['tracks'],
    artist: row.artist,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    audioObject: row.audio_object,
    features: row.features ? (JSON.parse(row.features) as AudioFeatures) : null,
    createdAt: Number(row.created_at),
  };
}
