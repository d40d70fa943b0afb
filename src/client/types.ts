/**
 * Wire types of the cover API and Sleeve's additions, exactly as sent:
 * nullable where the contract says null. No server code is imported here.
 */
export interface Envelope<T> {
  code: number;
  msg: string;
  data: T;
}

/** 0 pending, 1 success, 2 generating, 3 failed. */
export type SuccessFlag = 0 | 1 | 2 | 3;

export interface CoverDetails {
  taskId: string;
  parentTaskId: string;
  callbackUrl: string | null;
  /** ISO 8601; null until the task has ended. */
  completeTime: string | null;
  response: { images: string[] };
  successFlag: SuccessFlag;
  createTime: string;
  /** null while unfinished, 200 on success, 500 on failure. */
  errorCode: 200 | 500 | null;
  /** null while unfinished, "" on success, the reason on failure. */
  errorMessage: string | null;
}

export interface SunoTrack {
  id: string;
  audioUrl: string;
  streamAudioUrl: string;
  imageUrl: string;
  prompt: string;
  modelName: string;
  title: string;
  tags: string;
  createTime: string | number;
  duration: number | null;
}

export interface MusicDetails {
  taskId: string;
  parentMusicId: string;
  /** The original request, as JSON text. */
  param: string;
  response: { taskId: string; sunoData: SunoTrack[] } | null;
  status: string;
  type: string;
  operationType: string;
  errorCode: number | null;
  errorMessage: string | null;
}

/** The body POSTed to a cover task's callBackUrl. */
export type CoverCallback =
  | { code: 200; msg: string; data: { taskId: string; images: string[] } }
  | { code: number; msg: string; data: { taskId: string; images: null } };

export interface AudioFeatures {
  durationSec: number;
  analysedSec: number;
  bpm: number;
  bpmConfidence: number;
  key: string;
  mode: 'major' | 'minor';
  keyConfidence: number;
  loudnessDb: number;
  energy: number;
  energyContour: number[];
  spectralCentroidHz: number;
  brightness: number;
  dynamicsDb: number;
  waveform: number[];
  spectrum: number[];
}

/** Sleeve's own view of a music record (`/api/v1/sleeve/music`). */
export interface SleeveMusic {
  taskId: string;
  title: string;
  artist: string;
  tags: string;
  source: 'import' | 'sleeve';
  createdAt: string;
  hasAudio: boolean;
  features: AudioFeatures | null;
  record: MusicDetails;
  cover: (CoverDetails & { styles: string[] }) | null;
}

export interface SleeveMusicPage {
  items: SleeveMusic[];
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: string | null;
}
