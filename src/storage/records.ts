import type { AudioFeatures } from '../audio/features.js';

/** 1 credit = 1,000,000 micro-credits; stored as integers, shown as numbers. */
export const MICRO = 1_000_000;
export const toMicro = (credits: number) => Math.round(credits * MICRO);
export const fromMicro = (micro: number) => micro / MICRO;

export interface ApiKey {
  id: string;
  name: string;
  /** The first characters of the key, safe to show. */
  prefix: string;
  isAdmin: boolean;
  creditsMicro: number;
  createdAt: number;
  revokedAt: number | null;
}

/** A track inside a music task, in the providers' camelCase shape. */
export interface SunoTrack {
  id: string;
  audioUrl: string;
  streamAudioUrl: string;
  imageUrl: string;
  prompt: string;
  modelName: string;
  title: string;
  tags: string;
  /** "YYYY-MM-DD HH:MM:SS" or epoch milliseconds, kept as given. */
  createTime: string | number;
  duration: number | null;
}

export type MusicStatus =
  | 'PENDING'
  | 'TEXT_SUCCESS'
  | 'FIRST_SUCCESS'
  | 'SUCCESS'
  | 'CREATE_TASK_FAILED'
  | 'GENERATE_AUDIO_FAILED'
  | 'CALLBACK_EXCEPTION'
  | 'SENSITIVE_WORD_ERROR';

export interface MusicTask {
  keyId: string;
  taskId: string;
  source: 'import' | 'sleeve';
  status: MusicStatus;
  param: string;
  /** Null where the provider sent `response: null` (e.g. a failed task). */
  tracks: SunoTrack[] | null;
  artist: string;
  errorCode: number | null;
  errorMessage: string | null;
  audioObject: string | null;
  features: AudioFeatures | null;
  createdAt: number;
}

export type CoverStatus = 'pending' | 'generating' | 'success' | 'failed';

export interface CoverTask {
  taskId: string;
  keyId: string;
  parentTaskId: string;
  callbackUrl: string | null;
  status: CoverStatus;
  errorMessage: string | null;
  variation: number;
  chargedMicro: number;
  refunded: boolean;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  attempts: number;
}

export interface StoredImage {
  name: string;
  taskId: string;
  position: number;
  style: string;
  contentType: string;
  byteSize: number;
  createdAt: number;
  expiresAt: number;
  deleted: boolean;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One callback to send, kept until it is delivered or given up. */
export interface Delivery {
  id: string;
  taskId: string;
  url: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: number;
  createdAt: number;
  deliveredAt: number | null;
}
