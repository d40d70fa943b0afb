import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  buildCallbackHeaders,
  deliveryIdForTask,
  signKie,
  signStandard,
} from '../../src/delivery/sign-callback.js';
import {
  verifyKieSignature,
  verifyStandardSignature,
} from '../../src/delivery/verify-callback.js';
import { WebhookKeyError } from '../../src/delivery/webhook-key.js';

const TASK_ID = '21aee3c3c2a01fa5e030b3799fa4dd56';
const KEY = 'sleeve-test-webhook-key';
const TIMESTAMP = 1_753_958_521;
const BODY = JSON.stringify({
  code: 200,
  msg: 'success',
  data: { taskId: TASK_ID, images: ['https://img.example/a.png'] },
});

// The expected values are computed here, straight from the schemes'
// definitions, independently of the code under test.
function hmacBase64(secret: Buffer, content: string): string {
  return createHmac('sha256', secret).update(content).digest('base64');
}

// Base64 of a 32-byte digest: 43 characters and one padding "=".
const DIGEST_BASE64 = /^[A-Za-z0-9+/]{43}=$/;

describe('signKie', () => {
  it('is Base64 HMAC-SHA256 of "taskId.timestamp" keyed by the key', () => {
    const expected = hmacBase64(
      Buffer.from(KEY, 'utf8'),
      `${TASK_ID}.${TIMESTAMP}`,
    );
    assert.equal(signKie(TASK_ID, TIMESTAMP, KEY), expected);
    assert.match(signKie(TASK_ID, TIMESTAMP, KEY), DIGEST_BASE64);
  });

  it('uses the UTF-8 bytes of non-ASCII keys and task ids', () => {
    const key = 'ключ-🔑-clé';
    const taskId = 'задача-1';
    const expected = hmacBase64(
      Buffer.from(key, 'utf8'),
      `${taskId}.${TIMESTAMP}`,
    );
    assert.equal(signKie(taskId, TIMESTAMP, key), expected);
  });

  it('uses a whsec_ key as its text, not decoded', () => {
    const key = `whsec_${randomBytes(24).toString('base64')}`;
    const expected = hmacBase64(Buffer.from(key), `${TASK_ID}.${TIMESTAMP}`);
    assert.equal(signKie(TASK_ID, TIMESTAMP, key), expected);
  });

  it('refuses timestamps that are not whole non-negative seconds', () => {
    for (const bad of [1.5, -1, Number.NaN, Date.now() * 1e6]) {
      assert.throws(() => signKie(TASK_ID, bad, KEY), RangeError);
    }
  });
});

describe('signStandard', () => {
  const id = deliveryIdForTask(TASK_ID);
  const content = `${id}.${TIMESTAMP}.${BODY}`;

  it('decodes a whsec_ key and signs "id.timestamp.body" as v1', () => {
    const secret = randomBytes(32);
    const key = `whsec_${secret.toString('base64')}`;
    const signature = signStandard(id, TIMESTAMP, BODY, key);
    assert.equal(signature, `v1,${hmacBase64(secret, content)}`);
    assert.match(signature.slice(3), DIGEST_BASE64);
  });

  it('uses the UTF-8 bytes of a key without the whsec_ prefix', () => {
    const expected = `v1,${hmacBase64(Buffer.from(KEY), content)}`;
    assert.equal(signStandard(id, TIMESTAMP, BODY, KEY), expected);
  });

  it('covers the body byte for byte, including non-ASCII text', () => {
    const body = BODY.replace('success', 'succès ✓');
    const expected = hmacBase64(Buffer.from(KEY), `${id}.${TIMESTAMP}.${body}`);
    assert.equal(signStandard(id, TIMESTAMP, body, KEY), `v1,${expected}`);
  });

  it('signs alike with a key and with whsec_ plus its base64', () => {
    const encoded = `whsec_${Buffer.from(KEY).toString('base64')}`;
    assert.equal(
      signStandard(id, TIMESTAMP, BODY, encoded),
      signStandard(id, TIMESTAMP, BODY, KEY),
    );
  });

  it('refuses a whsec_ key whose rest is not base64', () => {
    for (const key of ['whsec_', 'whsec_not base64!', 'whsec_abc']) {
      assert.throws(
        () => signStandard(id, TIMESTAMP, BODY, key),
        WebhookKeyError,
      );
    }
  });
});

describe('buildCallbackHeaders', () => {
  it('sends only a webhook-id without a key', () => {
    for (const key of [undefined, '']) {
      const headers = buildCallbackHeaders({
        taskId: TASK_ID,
        body: BODY,
        key,
      });
      assert.deepEqual(headers, { 'webhook-id': `msg_${TASK_ID}` });
    }
  });

  it('sends both signatures and integer timestamps with a key', () => {
    const headers = buildCallbackHeaders({
      taskId: TASK_ID,
      body: BODY,
      key: KEY,
      timestampSec: TIMESTAMP,
    });
    assert.deepEqual(Object.keys(headers).sort(), [
      'X-Webhook-Signature',
      'X-Webhook-Timestamp',
      'webhook-id',
      'webhook-signature',
      'webhook-timestamp',
    ]);
    assert.equal(headers['X-Webhook-Timestamp'], String(TIMESTAMP));
    assert.equal(headers['webhook-timestamp'], String(TIMESTAMP));
    assert.equal(
      headers['X-Webhook-Signature'],
      hmacBase64(Buffer.from(KEY), `${TASK_ID}.${TIMESTAMP}`),
    );
    const content = `msg_${TASK_ID}.${TIMESTAMP}.${BODY}`;
    assert.equal(
      headers['webhook-signature'],
      `v1,${hmacBase64(Buffer.from(KEY), content)}`,
    );
  });

  it('stamps the current time in whole seconds by default', () => {
    const before = Math.floor(Date.now() / 1000);
    const headers = buildCallbackHeaders({
      taskId: TASK_ID,
      body: BODY,
      key: KEY,
    });
    const after = Math.floor(Date.now() / 1000);
    const stamped = headers['X-Webhook-Timestamp'] ?? '';
    assert.match(stamped, /^\d+$/);
    assert.ok(Number(stamped) >= before && Number(stamped) <= after);
  });

  it('keeps the webhook-id across retries while re-signing the time', () => {
    const first = buildCallbackHeaders({
      taskId: TASK_ID,
      body: BODY,
      key: KEY,
      timestampSec: TIMESTAMP,
    });
    const retry = buildCallbackHeaders({
      taskId: TASK_ID,
      body: BODY,
      key: KEY,
      timestampSec: TIMESTAMP + 30,
    });
    assert.equal(retry['webhook-id'], first['webhook-id']);
    assert.notEqual(retry['webhook-signature'], first['webhook-signature']);
    assert.notEqual(retry['X-Webhook-Signature'], first['X-Webhook-Signature']);
  });

  it('signs the body only in the Standard Webhooks signature', () => {
    const sign = (body: string) =>
      buildCallbackHeaders({
        taskId: TASK_ID,
        body,
        key: KEY,
        timestampSec: TIMESTAMP,
      });
    const original = sign(BODY);
    const changed = sign(BODY.replace('a.png', 'b.png'));
    assert.equal(
      changed['X-Webhook-Signature'],
      original['X-Webhook-Signature'],
    );
    assert.notEqual(
      changed['webhook-signature'],
      original['webhook-signature'],
    );
  });

  it('uses a given delivery id in the header and the signature', () => {
    const headers = buildCallbackHeaders({
      taskId: TASK_ID,
      body: BODY,
      key: KEY,
      timestampSec: TIMESTAMP,
      deliveryId: 'msg_custom',
    });
    assert.equal(headers['webhook-id'], 'msg_custom');
    const content = `msg_custom.${TIMESTAMP}.${BODY}`;
    assert.equal(
      headers['webhook-signature'],
      `v1,${hmacBase64(Buffer.from(KEY), content)}`,
    );
  });
});

/** Headers of a freshly signed callback, and their values as received. */
function signedNow(nowSec: number) {
  const headers = buildCallbackHeaders({
    taskId: TASK_ID,
    body: BODY,
    key: KEY,
    timestampSec: nowSec,
  });
  return {
    kie: {
      taskId: TASK_ID,
      timestamp: headers['X-Webhook-Timestamp'],
      signature: headers['X-Webhook-Signature'],
      key: KEY,
      nowSec,
    },
    standard: {
      id: headers['webhook-id'],
      timestamp: headers['webhook-timestamp'],
      signature: headers['webhook-signature'],
      body: BODY,
      key: KEY,
      nowSec,
    },
  };
}

describe('verifyKieSignature', () => {
  const { kie } = signedNow(TIMESTAMP);

  it('accepts what buildCallbackHeaders signed', () => {
    assert.equal(verifyKieSignature(kie), true);
  });

  it('refuses a changed task id, timestamp, signature or key', () => {
    assert.equal(verifyKieSignature({ ...kie, taskId: `${TASK_ID}0` }), false);
    const later = String(TIMESTAMP + 1);
    assert.equal(verifyKieSignature({ ...kie, timestamp: later }), false);
    const signature = kie.signature ?? '';
    const flipped =
      (signature.startsWith('A') ? 'B' : 'A') + signature.slice(1);
    assert.equal(verifyKieSignature({ ...kie, signature: flipped }), false);
    assert.equal(verifyKieSignature({ ...kie, key: `${KEY}x` }), false);
  });

  it('refuses a signature without its Base64 padding', () => {
    const unpadded = kie.signature?.replace(/=+$/, '');
    assert.equal(verifyKieSignature({ ...kie, signature: unpadded }), false);
  });

  it('refuses missing headers and malformed timestamps', () => {
    assert.equal(verifyKieSignature({ ...kie, signature: undefined }), false);
    assert.equal(verifyKieSignature({ ...kie, timestamp: undefined }), false);
    for (const timestamp of [`0${TIMESTAMP}`, `${TIMESTAMP}.0`, '-1', '']) {
      assert.equal(verifyKieSignature({ ...kie, timestamp }), false);
    }
  });

  it('accepts a timestamp within the tolerance and refuses one beyond', () => {
    assert.equal(verifyKieSignature({ ...kie, nowSec: TIMESTAMP + 300 }), true);
    assert.equal(verifyKieSignature({ ...kie, nowSec: TIMESTAMP - 300 }), true);
    assert.equal(
      verifyKieSignature({ ...kie, nowSec: TIMESTAMP + 301 }),
      false,
    );
    assert.equal(
      verifyKieSignature({ ...kie, nowSec: TIMESTAMP - 301 }),
      false,
    );
    const wide = { ...kie, nowSec: TIMESTAMP + 3600, toleranceSec: 3600 };
    assert.equal(verifyKieSignature(wide), true);
  });
});

describe('verifyStandardSignature', () => {
  const { standard } = signedNow(TIMESTAMP);

  it('accepts what buildCallbackHeaders signed', () => {
    assert.equal(verifyStandardSignature(standard), true);
  });

  it('refuses a body changed by one character', () => {
    const body = standard.body.replace('a.png', 'b.png');
    assert.notEqual(body, standard.body);
    assert.equal(verifyStandardSignature({ ...standard, body }), false);
  });

  it('refuses a changed id, timestamp or key', () => {
    const id = `${standard.id}x`;
    assert.equal(verifyStandardSignature({ ...standard, id }), false);
    const timestamp = String(TIMESTAMP - 1);
    assert.equal(verifyStandardSignature({ ...standard, timestamp }), false);
    const key = `${KEY}x`;
    assert.equal(verifyStandardSignature({ ...standard, key }), false);
  });

  it('accepts any matching signature in a space-separated list', () => {
    const signature = `v1,${'A'.repeat(43)}= ${standard.signature}`;
    assert.equal(verifyStandardSignature({ ...standard, signature }), true);
  });

  it('refuses the right digest under another version tag', () => {
    const signature = standard.signature?.replace(/^v1,/, 'v2,');
    assert.equal(verifyStandardSignature({ ...standard, signature }), false);
  });

  it('refuses missing headers and stale timestamps', () => {
    assert.equal(
      verifyStandardSignature({ ...standard, signature: undefined }),
      false,
    );
    assert.equal(
      verifyStandardSignature({ ...standard, id: undefined }),
      false,
    );
    const stale = { ...standard, nowSec: TIMESTAMP + 301 };
    assert.equal(verifyStandardSignature(stale), false);
  });

  it('verifies whsec_ keys with the decoded secret', () => {
    const key = `whsec_${randomBytes(32).toString('base64')}`;
    const headers = buildCallbackHeaders({
      taskId: TASK_ID,
      body: BODY,
      key,
      timestampSec: TIMESTAMP,
    });
    const check = {
      id: headers['webhook-id'],
      timestamp: headers['webhook-timestamp'],
      signature: headers['webhook-signature'],
      body: BODY,
      key,
      nowSec: TIMESTAMP,
    };
    assert.equal(verifyStandardSignature(check), true);
  });
});
