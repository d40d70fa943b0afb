import { invalid } from '../errors.js';
import type { MusicStatus, SunoTrack } from '../storage/records.js';
import { couldBeTaskId } from '../storage/task-ids.js';
import { countGraphemes } from '../util/graphemes.js';

export const MUSIC_STATUSES: readonly MusicStatus[] = [
  'PENDING',
  'TEXT_SUCCESS',
  'FIRST_SUCCESS',
  'SUCCESS',
  'CREATE_TASK_FAILED',
  'GENERATE_AUDIO_FAILED',
  'CALLBACK_EXCEPTION',
  'SENSITIVE_WORD_ERROR',
];

export interface TextLimits {
  title: number;
  tags: number;
  prompt: number;
}

/** A provider's music record, checked and reduced to what Sleeve keeps. */
export interface ImportedRecord {
  taskId: string;
  status: MusicStatus;
  param: string;
  tracks: SunoTrack[] | null;
  errorCode: number | null;
  errorMessage: string | null;
}

const MAX_TRACKS = 20;

type Json = Record<string, unknown>;

/**
 * Accepts a record saved from `GET /api/v1/generate/record-info`: the whole
 * `{code, msg, data}` body or its `data`. Fields the providers may omit get
 * their usual empty values; fields of the wrong type are refused by name.
 */
export function parseImportedRecord(
  body: unknown,
  limits: TextLimits,
): ImportedRecord {
  const data = unwrapEnvelope(body);
  const taskId = data['taskId'];
  if (typeof taskId !== 'string' || !couldBeTaskId(taskId)) {
    throw invalid(
      'data.taskId must be the music task id: 1-64 letters, digits, - or _.',
    );
  }
  return {
    taskId,
    status: parseStatus(data['status']),
    param: parseParam(data['param']),
    tracks: parseTracks(data['response'], limits),
    errorCode: optionalInteger(data['errorCode'], 'data.errorCode'),
    errorMessage: optionalString(data['errorMessage'], 'data.errorMessage'),
  };
}

function unwrapEnvelope(body: unknown): Json {
  if (!isObject(body)) {
    throw invalid('The body must be a JSON object: a saved music record.');
  }
  if ('data' in body && !('taskId' in body)) {
    const data = body['data'];
    if (!isObject(data)) {
      throw invalid('data must be the music record object, not null.');
    }
    return data;
  }
  return body;
}

function parseStatus(value: unknown): MusicStatus {
  const status = MUSIC_STATUSES.find((s) => s === value);
  if (!status) {
    throw invalid(`data.status must be one of ${MUSIC_STATUSES.join(', ')}.`);
  }
  return status;
}

function parseParam(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' && value.includes('\0')) {
    throw invalid(
      'data.param contains a NUL character (U+0000), which is refused.',
    );
  }
  if (typeof value === 'string') return value;
  if (isObject(value)) return JSON.stringify(value);
  throw invalid('data.param must be the original request as a JSON string.');
}

function parseTracks(response: unknown, limits: TextLimits) {
  if (response === undefined || response === null) return null;
  if (!isObject(response)) {
    throw invalid('data.response must be an object with sunoData, or null.');
  }
  const list = response['sunoData'] ?? response['data'] ?? [];
  if (!Array.isArray(list) || list.length > MAX_TRACKS) {
    throw invalid(
      `data.response.sunoData must be an array of at most ${MAX_TRACKS} tracks.`,
    );
  }
  return list.map((track, i) => parseTrack(track, i, limits));
}

function parseTrack(value: unknown, index: number, limits: TextLimits) {
  const at = `data.response.sunoData[${index}]`;
  if (!isObject(value)) throw invalid(`${at} must be a track object.`);
  const text = (name: string, limit = 2048) =>
    boundedString(value[name] ?? '', `${at}.${name}`, limit);
  return {
    id: text('id', 128),
    audioUrl: text('audioUrl'),
    streamAudioUrl: text('streamAudioUrl'),
    imageUrl: text('imageUrl'),
    prompt: text('prompt', limits.prompt),
    modelName: text('modelName', 128),
    title: text('title', limits.title),
    tags: text('tags', limits.tags),
    createTime: parseCreateTime(value['createTime'], `${at}.createTime`),
    duration: optionalNumber(value['duration'], `${at}.duration`),
  } satisfies SunoTrack;
}

/** "YYYY-MM-DD HH:MM:SS" in the docs, epoch milliseconds in the wild. */
function parseCreateTime(value: unknown, name: string): string | number {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' && value.length <= 64) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw invalid(`${name} must be a date string or epoch milliseconds.`);
}

export function boundedString(
  value: unknown,
  name: string,
  limit: number,
): string {
  if (typeof value !== 'string') throw invalid(`${name} must be a string.`);
  // A lone surrogate is not text: JSON parsers downstream would choke on it.
  if (/\p{Cs}/u.test(value)) {
    throw invalid(`${name} has broken characters (a lone UTF-16 surrogate).`);
  }
  // Nor is NUL, to PostgreSQL, which refuses to store it.
  if (value.includes('\0')) {
    throw invalid(
      `${name} contains a NUL character (U+0000), which is refused.`,
    );
  }
  // Characters as people see them: a family emoji or an accented letter
  // made of several code points counts once. Code points still have a
  // generous cap, so a few characters cannot carry endless combining marks.
  if (
    [...value].length > limit * CODE_POINTS_PER_CHARACTER ||
    countGraphemes(value) > limit
  ) {
    throw invalid(`${name} is longer than ${limit} characters.`);
  }
  return value;
}

const CODE_POINTS_PER_CHARACTER = 10;

function optionalString(value: unknown, name: string): string | null {
  if (value === undefined || value === null) return null;
  return boundedString(value, name, 2048);
}

function optionalNumber(value: unknown, name: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalid(`${name} must be a number or null.`);
  }
  return value;
}

function optionalInteger(value: unknown, name: string): number | null {
  const number = optionalNumber(value, name);
  if (number !== null && !Number.isInteger(number)) {
    throw invalid(`${name} must be an integer or null.`);
  }
  return number;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
