import type { CoverTask, StoredImage } from '../storage/records.js';
import type { MediaUrls } from '../util/media-urls.js';

/** `data` of `GET /api/v1/suno/cover/record-info`, typed as the contract. */
export interface CoverRecordInfo {
  taskId: string;
  parentTaskId: string;
  callbackUrl: string | null;
  completeTime: string | null;
  response: { images: string[] };
  successFlag: 0 | 1 | 2 | 3;
  createTime: string;
  errorCode: 200 | 500 | null;
  errorMessage: string | null;
}

const FLAGS = { pending: 0, success: 1, generating: 2, failed: 3 } as const;

export function toCoverRecordInfo(
  task: CoverTask,
  images: StoredImage[],
  urls: MediaUrls,
): CoverRecordInfo {
  const done = task.status === 'success' || task.status === 'failed';
  return {
    taskId: task.taskId,
    parentTaskId: task.parentTaskId,
    callbackUrl: task.callbackUrl,
    completeTime: done && task.completedAt ? iso(task.completedAt) : null,
    response: {
      images:
        task.status === 'success' ? images.map((i) => urls.image(i.name)) : [],
    },
    successFlag: FLAGS[task.status],
    createTime: iso(task.createdAt),
    errorCode: !done ? null : task.status === 'success' ? 200 : 500,
    errorMessage: !done
      ? null
      : task.status === 'success'
        ? ''
        : (task.errorMessage ?? 'Cover generation failed.'),
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The callback bodies of the contract. */
export function coverCallbackBody(
  task: CoverTask,
  outcome: { images: string[] } | { reason: string },
): string {
  const body =
    'images' in outcome
      ? {
          code: 200,
          msg: 'success',
          data: { taskId: task.taskId, images: outcome.images },
        }
      : {
          code: 501,
          msg: outcome.reason,
          data: { taskId: task.taskId, images: null },
        };
  return JSON.stringify(body);
}
