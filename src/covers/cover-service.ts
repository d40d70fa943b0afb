import {
  CallbackUrlError,
  parseCallbackUrl,
} from '../delivery/callback-url.js';
import { invalid, SleeveError } from '../errors.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { CoverTaskStore } from '../storage/cover-task-store.js';
import type { ImageStore } from '../storage/image-store.js';
import type { MusicTaskStore } from '../storage/music-task-store.js';
import { toMicro, type ApiKey, type CoverTask } from '../storage/records.js';
import type { Clock } from '../util/clock.js';
import { newTaskId } from '../util/ids.js';
import type { MediaUrls } from '../util/media-urls.js';
import { toCoverRecordInfo, type CoverRecordInfo } from './cover-details.js';

export interface CoverRequest {
  taskId?: unknown;
  callBackUrl?: unknown;
  /** Sleeve extension: ask for an alternative pair of covers. */
  variation?: unknown;
}

export interface CoverServiceDeps {
  coverTasks: CoverTaskStore;
  musicTasks: MusicTaskStore;
  images: ImageStore;
  queue: JobQueue;
  clock: Clock;
  urls: MediaUrls;
  coverCost: number;
  allowPrivateCallbacks: boolean;
}

/** Render jobs are keyed by task, so a task is never queued twice. */
export const renderJobKey = (taskId: string) => `render:${taskId}`;

/** Finished tasks' answers kept in memory; each entry is a few hundred bytes. */
const FINISHED_CACHE_LIMIT = 20_000;

export class CoverService {
  /**
   * A finished task's record-info never changes again, so it is answered
   * from memory; clients poll, and finished tasks are polled the most.
   */
  private readonly finished = new Map<
    string,
    { keyId: string; info: CoverRecordInfo }
  >();

  constructor(private readonly deps: CoverServiceDeps) {}

  /**
   * Starts a cover task for one of the key's music tasks. Duplicates answer
   * code 400 with the existing task id, as the providers do.
   */
  async request(key: ApiKey, request: CoverRequest): Promise<CoverTask> {
    const parentTaskId = this.parseParentId(request.taskId);
    const callbackUrl = this.parseCallback(request.callBackUrl);
    const variation = parseVariation(request.variation);
    await this.checkParent(key.id, parentTaskId);

    const result = await this.deps.coverTasks.create({
      taskId: newTaskId(),
      keyId: key.id,
      parentTaskId,
      callbackUrl,
      variation,
      costMicro: toMicro(this.deps.coverCost),
      createdAt: this.deps.clock.now(),
    });
    if (result.kind === 'duplicate') {
      throw new SleeveError(
        400,
        'A cover already exists for this music task; poll record-info with ' +
          'the taskId in data.',
        { data: { taskId: result.existing.taskId } },
      );
    }
    if (result.kind === 'insufficient-credits') {
      throw new SleeveError(
        402,
        `Not enough credits: a cover costs ${this.deps.coverCost}. ` +
          'Ask the operator to add credits to this key.',
      );
    }
    await this.deps.queue.send(
      'render-cover',
      { taskId: result.task.taskId },
      { singletonKey: renderJobKey(result.task.taskId) },
    );
    return result.task;
  }

  /** The contract's record-info, or null for unknown and others' tasks. */
  async details(key: ApiKey, taskId: unknown): Promise<CoverRecordInfo | null> {
    if (typeof taskId !== 'string' || taskId === '') {
      throw invalid('taskId is required: the cover task id to look up.');
    }
    const cached = this.finished.get(taskId);
    if (cached) return cached.keyId === key.id ? cached.info : null;

    const task = await this.deps.coverTasks.get(taskId);
    if (!task || task.keyId !== key.id) return null;
    const images =
      task.status === 'success'
        ? await this.deps.images.listForTask(task.taskId)
        : [];
    const info = toCoverRecordInfo(task, images, this.deps.urls);
    if (task.status === 'success' || task.status === 'failed') {
      this.remember(task.taskId, task.keyId, info);
    }
    return info;
  }

  private remember(taskId: string, keyId: string, info: CoverRecordInfo) {
    if (this.finished.size >= FINISHED_CACHE_LIMIT) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.finished.keys().next().value;
      if (oldest !== undefined) this.finished.delete(oldest);
    }
    this.finished.set(taskId, { keyId, info });
  }

  private parseParentId(value: unknown): string {
    if (value === undefined || value === null || value === '') {
      throw invalid('taskId is required: the id of the finished music task.');
    }
    if (typeof value !== 'string') throw invalid('taskId must be a string.');
    if (value.length > 64)
      throw invalid('taskId is longer than 64 characters.');
    return value;
  }

  private parseCallback(value: unknown): string | null {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') {
      throw invalid('callBackUrl must be a string.');
    }
    try {
      const allowPrivate = this.deps.allowPrivateCallbacks;
      parseCallbackUrl(value, { allowPrivate });
      // Kept as given: record-info echoes it, and it parses the same later.
      return value;
    } catch (error) {
      if (error instanceof CallbackUrlError) {
        throw invalid(`callBackUrl is not usable: ${error.message}`);
      }
      throw error;
    }
  }

  private async checkParent(keyId: string, parentTaskId: string) {
    const music = await this.deps.musicTasks.get(keyId, parentTaskId);
    if (!music) {
      throw invalid(
        'The music record does not exist: import it or create it first ' +
          '(POST /api/v1/sleeve/music/import or /api/v1/sleeve/music).',
      );
    }
    if (FAILED_MUSIC.has(music.status)) {
      throw invalid(
        `The music task failed (status ${music.status}); a cover can ` +
          'only be made for a SUCCESS task.',
      );
    }
    if (music.status !== 'SUCCESS') {
      throw invalid(
        `The music task has not finished (status ${music.status}); a ` +
          'cover can only be made for a SUCCESS task.',
      );
    }
    if (!music.tracks || music.tracks.length === 0) {
      throw invalid('The music task has no tracks to make a cover for.');
    }
  }
}

/** Music statuses that are final failures, not work still under way. */
const FAILED_MUSIC = new Set<string>([
  'CREATE_TASK_FAILED',
  'GENERATE_AUDIO_FAILED',
  'CALLBACK_EXCEPTION',
  'SENSITIVE_WORD_ERROR',
]);

function parseVariation(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw invalid('variation must be a whole number of 0 or more.');
  }
  if (value > 1_000_000) throw invalid('variation must be at most 1000000.');
  return value;
}
