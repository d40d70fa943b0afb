import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { ReceivedCallback } from '../support/callback-receiver.js';
import type { ApiAnswer } from '../support/sleeve-server.js';

/**
 * Assertions written from the contract (shared/spec/cover-api.md), not from
 * the code: each one names the rule it checks.
 */

export const JSON_TYPE = 'application/json; charset=utf-8';
export const TASK_ID = /^[0-9a-f]{32}$/;
const ISO_MS_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** `{code, msg, data}` and nothing else, as JSON in UTF-8. */
export function assertEnvelope(answer: ApiAnswer, code: number): void {
  assert.equal(answer.headers.get('content-type'), JSON_TYPE);
  assert.deepEqual(Object.keys(answer.body).sort(), ['code', 'data', 'msg']);
  assert.equal(answer.body.code, code, JSON.stringify(answer.body));
  assert.equal(typeof answer.body.msg, 'string');
  if (code === 200) assert.equal(answer.body.msg, 'success');
  else assert.ok(answer.body.msg.length > 10, 'msg says what went wrong');
}

/** A business error: HTTP 200 with the code in the envelope. */
export function assertBusinessError(answer: ApiAnswer, code: number): void {
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assertEnvelope(answer, code);
}

export function assertTaskId(value: unknown): asserts value is string {
  assert.equal(typeof value, 'string');
  assert.match(value as string, TASK_ID);
}

export function assertIsoTime(value: unknown): void {
  assert.equal(typeof value, 'string');
  assert.match(value as string, ISO_MS_Z);
  assert.equal(new Date(value as string).toISOString(), value);
}

export type CoverState = 'pending' | 'generating' | 'success' | 'failed';

const COVER_INFO_KEYS = [
  'callbackUrl',
  'completeTime',
  'createTime',
  'errorCode',
  'errorMessage',
  'parentTaskId',
  'response',
  'successFlag',
  'taskId',
];

const FLAGS: Record<CoverState, number> = {
  pending: 0,
  success: 1,
  generating: 2,
  failed: 3,
};

/** Every field of record-info's `data` in one state, by exact wire type. */
export function assertCoverInfo(
  info: Record<string, any>,
  state: CoverState,
  expected: {
    taskId: string;
    parentTaskId: string;
    callbackUrl: string | null;
  },
): void {
  assert.deepEqual(Object.keys(info).sort(), COVER_INFO_KEYS, 'no status');
  assert.equal(info['taskId'], expected.taskId);
  assert.equal(info['parentTaskId'], expected.parentTaskId);
  assert.equal(info['callbackUrl'], expected.callbackUrl);
  assertIsoTime(info['createTime']);
  assert.ok(Number.isInteger(info['successFlag']), 'successFlag is a number');
  assert.equal(info['successFlag'], FLAGS[state]);
  assert.deepEqual(Object.keys(info['response']), ['images']);
  assert.ok(Array.isArray(info['response'].images));

  if (state === 'pending' || state === 'generating') {
    assert.equal(info['completeTime'], null);
    assert.deepEqual(info['response'].images, []);
    assert.equal(info['errorCode'], null);
    assert.equal(info['errorMessage'], null);
  } else if (state === 'success') {
    assertIsoTime(info['completeTime']);
    assert.equal(info['response'].images.length, 2);
    for (const url of info['response'].images) assertImageUrl(url);
    assert.equal(info['errorCode'], 200);
    assert.equal(info['errorMessage'], '');
  } else {
    assertIsoTime(info['completeTime']);
    assert.deepEqual(info['response'].images, []);
    assert.equal(info['errorCode'], 500);
    assertPlainWords(info['errorMessage']);
  }
  if (info['completeTime'] !== null) {
    assert.ok(info['completeTime'] >= info['createTime']);
  }
}

export function assertImageUrl(url: unknown): void {
  assert.equal(typeof url, 'string');
  const parsed = new URL(url as string);
  assert.match(parsed.protocol, /^https?:$/);
  // Unguessable: 128 random bits in the name.
  assert.match(parsed.pathname, /\/[0-9a-f]{32}\.png$/);
}

/** A reason a person can read: words, no stack, no code names. */
export function assertPlainWords(text: unknown): void {
  assert.equal(typeof text, 'string');
  const words = (text as string).split(/\s+/).filter(Boolean);
  assert.ok(words.length >= 3, `a sentence, not ${JSON.stringify(text)}`);
  assert.doesNotMatch(
    text as string,
    /\n\s+at |Error:|ENOENT|ENOTDIR|\bundefined\b/,
  );
}

/** The kie-style signature, computed here from the contract's words. */
export function kieSignature(
  taskId: string,
  timestamp: string,
  key: string,
): string {
  return createHmac('sha256', Buffer.from(key, 'utf8'))
    .update(`${taskId}.${timestamp}`, 'utf8')
    .digest('base64');
}

/** The Standard Webhooks signature over `id.timestamp.body`. */
export function standardSignature(
  id: string,
  timestamp: string,
  body: string,
  key: string,
): string {
  const content = `${id}.${timestamp}.${body}`;
  const digest = createHmac('sha256', Buffer.from(key, 'utf8'))
    .update(content, 'utf8')
    .digest('base64');
  return `v1,${digest}`;
}

/** Both signatures of one received callback, checked against the key. */
export function assertSignedCallback(
  callback: ReceivedCallback,
  key: string,
): void {
  const headers = callback.headers;
  const timestamp = String(headers['x-webhook-timestamp']);
  assert.match(timestamp, /^\d+$/, 'Unix seconds, an integer');
  const skew = Math.abs(Number(timestamp) - Date.now() / 1000);
  assert.ok(skew < 300, 'the timestamp is now, in seconds');
  const taskId = callback.json.data.taskId as string;
  assert.equal(
    headers['x-webhook-signature'],
    kieSignature(taskId, timestamp, key),
  );

  const id = String(headers['webhook-id']);
  assert.ok(id.length > 0);
  assert.equal(headers['webhook-timestamp'], timestamp);
  const signatures = String(headers['webhook-signature']).split(' ');
  assert.ok(
    signatures.includes(standardSignature(id, timestamp, callback.body, key)),
  );
}

/** The success callback body of the contract, exactly. */
export function assertSuccessCallback(
  callback: ReceivedCallback,
  taskId: string,
): string[] {
  assert.match(String(callback.headers['content-type']), /^application\/json/);
  assert.deepEqual(Object.keys(callback.json).sort(), ['code', 'data', 'msg']);
  assert.equal(callback.json.code, 200);
  assert.equal(callback.json.msg, 'success');
  assert.deepEqual(Object.keys(callback.json.data).sort(), [
    'images',
    'taskId',
  ]);
  assert.equal(callback.json.data.taskId, taskId);
  assert.equal(callback.json.data.images.length, 2);
  for (const url of callback.json.data.images) assertImageUrl(url);
  return callback.json.data.images as string[];
}

/** The failure callback body of the contract, exactly. */
export function assertFailureCallback(
  callback: ReceivedCallback,
  taskId: string,
): void {
  assert.deepEqual(Object.keys(callback.json).sort(), ['code', 'data', 'msg']);
  assert.equal(callback.json.code, 501);
  assertPlainWords(callback.json.msg);
  assert.deepEqual(callback.json.data, { taskId, images: null });
}
