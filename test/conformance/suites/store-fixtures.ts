import { randomBytes } from 'node:crypto';
import type { NewCoverTask } from '../../../src/storage/cover-task-store.js';
import {
  toMicro,
  type Delivery,
  type MusicTask,
  type StoredImage,
} from '../../../src/storage/records.js';
import type { Stores } from '../../../src/storage/stores.js';
import { newObjectName, newTaskId } from '../../../src/util/ids.js';

/** A time past 2^32 ms and past 2^31 s: int8 columns must keep it exact. */
export const T0 = 1_767_225_600_123;
export const COST = toMicro(1);

/** A fresh API key with this many credits; answers its id. */
export async function makeKey(stores: Stores, credits: number) {
  const id = `key_${randomBytes(8).toString('hex')}`;
  await stores.apiKeys.insert({
    id,
    name: 'conformance',
    keyHash: randomBytes(32).toString('hex'),
    prefix: 'slv_test',
    isAdmin: false,
    creditsMicro: toMicro(credits),
    createdAt: T0,
  });
  return id;
}

export async function creditsOf(stores: Stores, keyId: string) {
  return (await stores.apiKeys.get(keyId))?.creditsMicro;
}

export function musicTask(keyId: string, createdAt = T0): MusicTask {
  return {
    keyId,
    taskId: newTaskId(),
    source: 'import',
    status: 'SUCCESS',
    param: '{"prompt":"a song"}',
    tracks: [
      {
        id: 'b7a4f7c2-0d1e-4b8e-9f55-1c2d3e4f5a6b',
        audioUrl: 'https://example.test/a.mp3',
        streamAudioUrl: '',
        imageUrl: '',
        prompt: 'Lyrics — with ünïcode and 漢字',
        modelName: 'chirp-v4',
        title: 'Title',
        tags: 'pop',
        createTime: '2026-01-01 10:00:00',
        duration: 187.4,
      },
    ],
    artist: 'Someone',
    errorCode: null,
    errorMessage: null,
    audioObject: null,
    features: null,
    createdAt,
  };
}

export function newCover(
  keyId: string,
  parentTaskId: string,
  costMicro = COST,
): NewCoverTask {
  return {
    taskId: newTaskId(),
    keyId,
    parentTaskId,
    callbackUrl: 'https://receiver.test/cb',
    variation: 0,
    costMicro,
    createdAt: T0,
  };
}

export function imagesFor(taskId: string, expiresAt: number): StoredImage[] {
  return [0, 1].map((position) => ({
    name: newObjectName('png'),
    taskId,
    position,
    style: position === 0 ? 'aura' : 'bauhaus',
    contentType: 'image/png',
    byteSize: 123_456,
    createdAt: T0,
    expiresAt,
    deleted: false,
  }));
}

export function deliveryFor(taskId: string, id = `dlv_${taskId}`): Delivery {
  return {
    id,
    taskId,
    url: 'https://receiver.test/cb',
    body: JSON.stringify({ code: 200, data: { taskId } }),
    status: 'pending',
    attempts: 0,
    lastStatus: null,
    lastError: null,
    nextAttemptAt: T0,
    createdAt: T0,
    deliveredAt: null,
  };
}
