import { createHmac } from 'node:crypto';
import { kieSecret, standardSecret } from './webhook-key.js';

/** Header names, spelled as the providers and Standard Webhooks do. */
export const CALLBACK_HEADERS = {
  kieTimestamp: 'X-Webhook-Timestamp',
  kieSignature: 'X-Webhook-Signature',
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

function hmacBase64(secret: Buffer, content: string): string {
  return createHmac('sha256', secret).update(content, 'utf8').digest('base64');
}

function checkTimestamp(timestampSec: number): void {
  if (!Number.isSafeInteger(timestampSec) || timestampSec < 0) {
    throw new RangeError('A webhook timestamp is whole Unix seconds.');
  }
}

/**
 * The kie-compatible signature: Base64 (with padding) of HMAC-SHA256,
 * keyed by the key's UTF-8 bytes, over `taskId + "." + timestamp`. It does
 * not cover the body, which is why `signStandard` is sent alongside.
 */
export function signKie(
  taskId: string,
  timestampSec: number,
  key: string,
): string {
  checkTimestamp(timestampSec);
  return hmacBase64(kieSecret(key), `${taskId}.${timestampSec}`);
}

/**
 * The Standard Webhooks signature over `id.timestamp.body`, as the header
 * value `v1,<base64>`. The secret comes from `standardSecret(key)`.
 */
export function signStandard(
  deliveryId: string,
  timestampSec: number,
  body: string,
  key: string,
): string {
  checkTimestamp(timestampSec);
  const content = `${deliveryId}.${timestampSec}.${body}`;
  return `v1,${hmacBase64(standardSecret(key), content)}`;
}

/**
 * The `webhook-id` of a cover task's callback. A cover task ends once and
 * has one callback, so its id names the delivery: every retry carries the
 * same id and receivers can drop repeats.
 */
export function deliveryIdForTask(taskId: string): string {
  return `msg_${taskId}`;
}

export interface CallbackHeadersInput {
  /** `data.taskId` of the body: the cover task id. */
  taskId: string;
  /** The exact body that will be sent. */
  body: string;
  /** The webhook key; no signature headers when undefined or empty. */
  key?: string | undefined;
  /**
   * Signing time in whole Unix seconds. Default: now. Sign each attempt
   * afresh, since receivers refuse old timestamps.
   */
  timestampSec?: number;
  /** Default: `deliveryIdForTask(taskId)`. Keep it across retries. */
  deliveryId?: string;
}

/**
 * The callback's own headers: `webhook-id` always (it helps receivers
 * de-duplicate even unsigned callbacks), plus both signatures and their
 * timestamps when a key is configured. Transport headers such as
 * Content-Type are `postCallback`'s.
 */
export function buildCallbackHeaders(
  input: CallbackHeadersInput,
): Record<string, string> {
  const deliveryId = input.deliveryId ?? deliveryIdForTask(input.taskId);
  const headers: Record<string, string> = { [CALLBACK_HEADERS.id]: deliveryId };
  if (input.key === undefined || input.key === '') return headers;

  const timestampSec = input.timestampSec ?? Math.floor(Date.now() / 1000);
  const timestamp = String(timestampSec);
  return {
    ...headers,
    [CALLBACK_HEADERS.kieTimestamp]: timestamp,
    [CALLBACK_HEADERS.kieSignature]: signKie(
      input.taskId,
      timestampSec,
      input.key,
    ),
    [CALLBACK_HEADERS.timestamp]: timestamp,
    [CALLBACK_HEADERS.signature]: signStandard(
      deliveryId,
      timestampSec,
      input.body,
      input.key,
    ),
  };
}
