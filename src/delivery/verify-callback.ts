import { timingSafeEqual } from 'node:crypto';
import { signKie, signStandard } from './sign-callback.js';

/**
 * How far a callback's timestamp may be from the receiver's clock, in
 * seconds: 5 minutes, the Standard Webhooks recommendation. It bounds
 * replays while leaving room for clock skew.
 */
export const DEFAULT_TIMESTAMP_TOLERANCE_SEC = 300;

interface TimestampCheck {
  /** The timestamp header as received. */
  timestamp: string | undefined;
  /** The receiver's clock in Unix seconds. Default: now. */
  nowSec?: number;
  /** Default `DEFAULT_TIMESTAMP_TOLERANCE_SEC`. */
  toleranceSec?: number;
}

export interface KieSignatureCheck extends TimestampCheck {
  /** `data.taskId` of the received body. */
  taskId: string;
  /** The `X-Webhook-Signature` header as received. */
  signature: string | undefined;
  key: string;
}

export interface StandardSignatureCheck extends TimestampCheck {
  /** The `webhook-id` header as received. */
  id: string | undefined;
  /** The `webhook-signature` header: one or more `v1,<base64>`. */
  signature: string | undefined;
  /** The raw body as received, before any JSON parsing. */
  body: string;
  key: string;
}

// Leaks only the length, which is public: every valid value has the same.
function equalInConstantTime(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(actual, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

// Whole seconds as a sender writes them: no sign, no leading zeros.
const TIMESTAMP = /^(?:0|[1-9]\d{0,14})$/;

/** The timestamp as seconds when well-formed and fresh, else null. */
function freshTimestamp(check: TimestampCheck): number | null {
  if (check.timestamp === undefined || !TIMESTAMP.test(check.timestamp)) {
    return null;
  }
  const timestampSec = Number(check.timestamp);
  const nowSec = check.nowSec ?? Date.now() / 1000;
  const toleranceSec = check.toleranceSec ?? DEFAULT_TIMESTAMP_TOLERANCE_SEC;
  return Math.abs(nowSec - timestampSec) <= toleranceSec ? timestampSec : null;
}

/** True when a kie-compatible callback signature is valid and fresh. */
export function verifyKieSignature(check: KieSignatureCheck): boolean {
  const timestampSec = freshTimestamp(check);
  if (timestampSec === null || check.signature === undefined) return false;

  const expected = signKie(check.taskId, timestampSec, check.key);
  return equalInConstantTime(expected, check.signature);
}

/**
 * True when any signature in a Standard Webhooks `webhook-signature`
 * header is valid for this id, timestamp and body, and the timestamp is
 * fresh. Several space-separated signatures occur while keys rotate.
 */
export function verifyStandardSignature(
  check: StandardSignatureCheck,
): boolean {
  const timestampSec = freshTimestamp(check);
  if (timestampSec === null || check.id === undefined) return false;
  if (check.signature === undefined) return false;

  const expected = signStandard(check.id, timestampSec, check.body, check.key);
  return check.signature
    .split(' ')
    .some((candidate) => equalInConstantTime(expected, candidate));
}
