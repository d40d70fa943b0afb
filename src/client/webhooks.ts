import type { webcrypto } from 'node:crypto';

/**
 * Checks for the callbacks a cover task sends to its `callBackUrl`: the
 * two signatures Sleeve sends when the server has a webhook key, and a
 * typed reading of the body. WebCrypto only, so this runs in Node 18+,
 * browsers, Deno, Bun and edge workers alike.
 */

/**
 * How far a callback's timestamp may be from the receiver's clock, in
 * seconds: 5 minutes, as Standard Webhooks recommends. It bounds replays
 * while leaving room for clock skew.
 */
export const DEFAULT_TOLERANCE_SEC = 300;

/** `Headers`, or a plain object as Node's `req.headers` and Express give. */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Record<string, string | string[] | undefined>;

export interface VerifyWebhookOptions {
  /** The webhook key the server signs with (Sleeve: SLEEVE_WEBHOOK_KEY). */
  key: string;
  /** Largest accepted clock difference, in seconds. Default 300. */
  toleranceSec?: number;
  /** The receiver's clock, in Unix seconds. Default: now. */
  nowSec?: number;
}

export interface VerifyCoverCallbackOptions extends VerifyWebhookOptions {
  /**
   * `standard` (default) checks the signature that covers the body; use
   * `kie` for a provider that sends only the kie-style signature, which
   * covers the task id and timestamp but not the body.
   */
  scheme?: 'standard' | 'kie';
}

/** A webhook key that cannot be a signing secret (a broken `whsec_`). */
export class WebhookKeyError extends Error {
  override name = 'WebhookKeyError';
}

/**
 * True when the kie-style signature is valid and fresh:
 * `X-Webhook-Signature` is Base64 of HMAC-SHA256 over
 * `taskId + "." + X-Webhook-Timestamp`, keyed by the key's UTF-8 bytes.
 * `taskId` is `data.taskId` of the body you received.
 */
export async function verifyKieSignature(
  headers: WebhookHeaders,
  taskId: string,
  options: VerifyWebhookOptions,
): Promise<boolean> {
  const timestamp = headerOf(headers, 'x-webhook-timestamp');
  const signature = headerOf(headers, 'x-webhook-signature');
  if (signature === undefined || !isFresh(timestamp, options)) return false;

  const secret = new TextEncoder().encode(options.key);
  const expected = await hmacBase64(secret, `${taskId}.${timestamp}`);
  return equalInConstantTime(expected, signature);
}

/**
 * True when a Standard Webhooks signature is valid and fresh:
 * `webhook-signature` holds one or more space-separated `v1,<base64>`
 * (several while keys rotate) over `webhook-id.webhook-timestamp.body`.
 * A `whsec_` key is Base64-decoded after the prefix, any other key is used
 * as its UTF-8 bytes. Pass the raw body exactly as received.
 */
export async function verifyStandardSignature(
  headers: WebhookHeaders,
  rawBody: string,
  options: VerifyWebhookOptions,
): Promise<boolean> {
  const id = headerOf(headers, 'webhook-id');
  const timestamp = headerOf(headers, 'webhook-timestamp');
  const signatures = headerOf(headers, 'webhook-signature');
  if (id === undefined || signatures === undefined) return false;
  if (!isFresh(timestamp, options)) return false;

  const secret = standardSecret(options.key);
  const content = `${id}.${timestamp}.${rawBody}`;
  const expected = `v1,${await hmacBase64(secret, content)}`;
  return signatures
    .split(' ')
    .map((candidate) => equalInConstantTime(expected, candidate))
    .includes(true);
}

/**
 * Verifies a received cover callback with one scheme (default `standard`,
 * the one that covers the body). Checking one chosen scheme, rather than
 * whichever headers arrived, stops a forger from stripping the stronger
 * signature and keeping the weaker.
 */
export async function verifyCoverCallback(
  headers: WebhookHeaders,
  rawBody: string,
  options: VerifyCoverCallbackOptions,
): Promise<boolean> {
  if ((options.scheme ?? 'standard') === 'standard') {
    return verifyStandardSignature(headers, rawBody, options);
  }
  const taskId = taskIdOf(rawBody);
  return taskId !== undefined && verifyKieSignature(headers, taskId, options);
}

function taskIdOf(rawBody: string): string | undefined {
  try {
    const taskId = (JSON.parse(rawBody) as { data?: { taskId?: unknown } }).data
      ?.taskId;
    return typeof taskId === 'string' ? taskId : undefined;
  } catch {
    return undefined;
  }
}

function headerOf(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers.get === 'function') {
    return (headers.get as (name: string) => string | null)(name) ?? undefined;
  }
  const plain = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(plain).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : plain[key];
  return Array.isArray(value) ? value[0] : value;
}

// Whole seconds as a sender writes them: no sign, no leading zeros.
const TIMESTAMP = /^(?:0|[1-9]\d{0,14})$/;

function isFresh(
  timestamp: string | undefined,
  options: VerifyWebhookOptions,
): timestamp is string {
  if (timestamp === undefined || !TIMESTAMP.test(timestamp)) return false;
  const nowSec = options.nowSec ?? Date.now() / 1000;
  const toleranceSec = options.toleranceSec ?? DEFAULT_TOLERANCE_SEC;
  return Math.abs(nowSec - Number(timestamp)) <= toleranceSec;
}

const WHSEC = 'whsec_';
const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The same key derivation as the server's, so one key string serves. */
function standardSecret(key: string): Uint8Array {
  if (!key.startsWith(WHSEC)) return new TextEncoder().encode(key);
  const encoded = key.slice(WHSEC.length);
  if (encoded === '' || !BASE64.test(encoded)) {
    throw new WebhookKeyError(
      'The webhook key starts with whsec_ but the rest is not base64.',
    );
  }
  return Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
}

async function hmacBase64(secret: Uint8Array, content: string) {
  const subtle = await subtleCrypto();
  const key = await subtle.importKey(
    'raw',
    secret,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await subtle.sign('HMAC', key, new TextEncoder().encode(content));
  return btoa(String.fromCharCode(...new Uint8Array(mac)));
}

/**
 * Global WebCrypto where there is one (browsers, Node 19+, workers);
 * Node 18 keeps it in `node:crypto`, imported only then so that bundlers
 * for browsers never see the import.
 */
async function subtleCrypto(): Promise<webcrypto.SubtleCrypto> {
  const global = globalThis.crypto as webcrypto.Crypto | undefined;
  if (global?.subtle) return global.subtle;
  const moduleName = 'node:crypto';
  const node = (await import(moduleName)) as typeof import('node:crypto');
  return node.webcrypto.subtle;
}

// Runs over the whole expected value whatever the input, so the time taken
// tells nothing about how much of a forged signature was right.
function equalInConstantTime(expected: string, actual: string): boolean {
  let difference = expected.length ^ actual.length;
  for (let i = 0; i < expected.length; i += 1) {
    difference |= expected.charCodeAt(i) ^ (actual.charCodeAt(i) || 0);
  }
  return difference === 0;
}

/** A received cover callback, read: the images, or why the cover failed. */
export type CoverCallbackResult =
  | { ok: true; taskId: string; images: string[] }
  | { ok: false; taskId: string; code: number; reason: string };

/** A callback body that is not a cover callback of the contract. */
export class CoverCallbackError extends Error {
  override name = 'CoverCallbackError';
}

/**
 * Reads a cover callback body (the raw text or the parsed JSON):
 * code 200 with `data.images`, or a failure code with the reason in `msg`.
 * Throws `CoverCallbackError` saying what is wrong with any other body.
 */
export function parseCoverCallback(body: unknown): CoverCallbackResult {
  const root = asObject(parseIfText(body), 'The callback body');
  const { code, msg } = root;
  if (!Number.isInteger(code)) {
    throw new CoverCallbackError('code must be an integer.');
  }
  if (typeof msg !== 'string')
    throw new CoverCallbackError('msg must be a string.');
  const data = asObject(root['data'], 'data');
  const taskId = data['taskId'];
  if (typeof taskId !== 'string' || taskId === '') {
    throw new CoverCallbackError('data.taskId must be the cover task id.');
  }

  if (code === 200) return { ok: true, taskId, images: imagesOf(data) };
  return { ok: false, taskId, code: code as number, reason: msg || 'failed' };
}

function parseIfText(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    throw new CoverCallbackError('The callback body is not valid JSON.');
  }
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CoverCallbackError(`${what} must be a JSON object.`);
  }
  return value as Record<string, unknown>;
}

function imagesOf(data: Record<string, unknown>): string[] {
  const images = data['images'];
  const valid =
    Array.isArray(images) &&
    images.length > 0 &&
    images.every((url) => typeof url === 'string' && /^https?:\/\//.test(url));
  if (!valid) {
    throw new CoverCallbackError(
      'data.images must be a non-empty array of http(s) URLs on code 200.',
    );
  }
  return images as string[];
}
