import { randomBytes, randomUUID } from 'node:crypto';

/** Task ids look like the providers': 32 lowercase hex characters. */
export function newTaskId(): string {
  return randomBytes(16).toString('hex');
}

/** 128 random bits: image and audio names nobody can guess. */
export function newObjectName(extension: string): string {
  return `${randomBytes(16).toString('hex')}.${extension}`;
}

export function newTrackId(): string {
  return randomUUID();
}

export const TASK_ID_PATTERN = /^[0-9a-f]{32}$/;
