import type { MusicTask, SunoTrack } from '../storage/records.js';
import type { MediaUrls } from '../util/media-urls.js';

/** `data` of the providers' `GET /api/v1/generate/record-info`. */
export interface MusicRecordInfo {
  taskId: string;
  parentMusicId: string;
  param: string;
  response: { taskId: string; sunoData: SunoTrack[] } | null;
  status: string;
  type: 'GENERATE';
  operationType: 'generate';
  errorCode: number | null;
  errorMessage: string | null;
}

export function toMusicRecordInfo(
  task: MusicTask,
  urls: MediaUrls,
): MusicRecordInfo {
  return {
    taskId: task.taskId,
    parentMusicId: '',
    param: task.param,
    response: task.tracks && {
      taskId: task.taskId,
      sunoData: task.tracks.map((track) => withOwnAudio(track, task, urls)),
    },
    status: task.status,
    type: 'GENERATE',
    operationType: 'generate',
    errorCode: task.errorCode,
    errorMessage: task.errorMessage,
  };
}

/** Uploaded audio is served by Sleeve itself. */
function withOwnAudio(
  track: SunoTrack,
  task: MusicTask,
  urls: MediaUrls,
): SunoTrack {
  if (!task.audioObject) return track;
  const url = urls.audio(task.audioObject);
  return { ...track, audioUrl: url, streamAudioUrl: url };
}
