import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import {
  eventually,
  request,
  type ApiAnswer,
  type TestSleeve,
} from './sleeve-server.js';
import { readSharedRecord, SHARED_TRACKS, type SharedTrack } from './tracks.js';

/** Anything with a base URL and an admin key: in-process or child server. */
export interface Target {
  url: string;
}

/** A fresh 32-hex id, like the providers' task ids. */
export const newHexId = () => randomBytes(16).toString('hex');

/**
 * The shared finished record under a new music task id, so a test can
 * import as many distinct parents as it needs.
 */
export function successRecord(taskId = newHexId()): Record<string, unknown> {
  const record = structuredClone(
    readSharedRecord('success-two-tracks.json'),
  ) as { data: Record<string, unknown> };
  record.data['taskId'] = taskId;
  return record;
}

export async function importRecord(
  server: Target,
  key: string,
  record: unknown = successRecord(),
): Promise<string> {
  const answer = await request(
    server.url,
    'POST',
    '/api/v1/sleeve/music/import',
    record,
    key,
  );
  if (answer.body.code !== 200) {
    throw new Error(`import failed: ${JSON.stringify(answer.body)}`);
  }
  return answer.body.data.taskId as string;
}

export function requestCover(
  server: Target,
  key: string,
  taskId: unknown,
  callBackUrl?: string,
): Promise<ApiAnswer> {
  const body = callBackUrl === undefined ? { taskId } : { taskId, callBackUrl };
  return request(server.url, 'POST', '/api/v1/suno/cover/generate', body, key);
}

export function coverInfo(
  server: Target,
  key: string,
  taskId: string,
): Promise<ApiAnswer> {
  const query = `?taskId=${encodeURIComponent(taskId)}`;
  return request(
    server.url,
    'GET',
    `/api/v1/suno/cover/record-info${query}`,
    undefined,
    key,
  );
}

/** Polls record-info until the task has ended (flag 1 or 3). */
export async function waitForCover(
  server: Target,
  key: string,
  taskId: string,
  timeoutMs = 60_000,
): Promise<Record<string, any>> {
  return eventually(
    async () => {
      const answer = await coverInfo(server, key, taskId);
      const flag = answer.body.data?.successFlag;
      return flag === 1 || flag === 3 ? answer.body.data : undefined;
    },
    timeoutMs,
    100,
  );
}

export async function creditsOf(server: Target, key: string) {
  const answer = await request(
    server.url,
    'GET',
    '/api/v1/chat/credit',
    undefined,
    key,
  );
  return answer.body.data as number;
}

export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

export async function download(url: string): Promise<Download> {
  const response = await fetch(url);
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

export interface MusicFields {
  title?: unknown;
  tags?: unknown;
  prompt?: unknown;
  artist?: unknown;
}

/** POST /api/v1/sleeve/music as multipart, with an optional file part. */
export async function postMusicForm(
  server: Target,
  key: string | null,
  fields: Record<string, string>,
  file?: { bytes: Buffer; name?: string; part?: string },
): Promise<ApiAnswer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file) {
    form.set(
      file.part ?? 'audio',
      new Blob([file.bytes]),
      file.name ?? 'track.bin',
    );
  }
  const headers: Record<string, string> = {};
  if (key) headers['authorization'] = `Bearer ${key}`;
  const response = await fetch(`${server.url}/api/v1/sleeve/music`, {
    method: 'POST',
    body: form,
    headers,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: JSON.parse(text),
  };
}

/** The bytes of a shared track's audio file. */
export function sharedAudio(track: SharedTrack): Buffer {
  if (!track.audio) throw new Error(`${track.title} has no audio`);
  return fs.readFileSync(path.join(SHARED_TRACKS, track.audio));
}

/** Creates a music record for a shared track: multipart with audio if any. */
export async function createTrack(
  server: Target,
  key: string,
  track: SharedTrack,
): Promise<string> {
  const fields = {
    title: track.title,
    tags: track.tags,
    prompt: track.prompt,
    artist: track.artist,
  };
  const answer = track.audio
    ? await postMusicForm(server, key, fields, {
        bytes: sharedAudio(track),
        name: path.basename(track.audio),
      })
    : await request(server.url, 'POST', '/api/v1/sleeve/music', fields, key);
  if (answer.body.code !== 200) {
    throw new Error(`create failed: ${JSON.stringify(answer.body)}`);
  }
  return answer.body.data.taskId as string;
}

/** Where a LocalObjectStore keeps an object under a data directory. */
export function objectPath(dataDir: string, name: string): string {
  return path.join(dataDir, 'objects', name.slice(0, 2), name);
}

/** The object name at the end of a media URL. */
export const objectNameOf = (url: string) =>
  new URL(url).pathname.split('/').pop() ?? '';

export interface CapturedLogs {
  logger: Logger;
  /** Every line logged so far, parsed. */
  lines(): Record<string, unknown>[];
}

/** A pino logger writing JSON lines into memory, for log assertions. */
export function captureLogs(level = 'info'): CapturedLogs {
  const lines: Record<string, unknown>[] = [];
  let partial = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      partial += String(chunk);
      const complete = partial.split('\n');
      partial = complete.pop() ?? '';
      for (const line of complete) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level }, sink), lines: () => lines };
}

/** Removes a data folder a test made itself; nothing when undefined. */
export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir) await fs.promises.rm(dir, { recursive: true, force: true });
}

/** Closes every server and receiver given, whatever happens to each. */
export async function closeAll(
  ...closables: ({ close(): Promise<void> } | undefined)[]
): Promise<void> {
  await Promise.allSettled(closables.map((c) => c?.close()));
}

export type { TestSleeve };
