/** A configured webhook key that cannot be used as a signing secret. */
export class WebhookKeyError extends Error {
  override readonly name = 'WebhookKeyError';
}

/** Prefix of Standard Webhooks secrets; the rest is base64. */
export const STANDARD_SECRET_PREFIX = 'whsec_';

const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The HMAC secret for the kie-compatible signature: the key's UTF-8 bytes,
 * exactly as configured, because that is what kie receivers compute with.
 */
export function kieSecret(key: string): Buffer {
  return Buffer.from(key, 'utf8');
}

/**
 * The HMAC secret for the Standard Webhooks signature. A key written as
 * `whsec_<base64>` is decoded the way Standard Webhooks libraries do, so
 * their verifiers accept our signatures with the same configured string;
 * any other key is used as its UTF-8 bytes. Throws `WebhookKeyError` for a
 * `whsec_` key whose rest is not base64 or is empty, so a typo fails at
 * start rather than as signatures nobody can verify.
 */
export function standardSecret(key: string): Buffer {
  if (!key.startsWith(STANDARD_SECRET_PREFIX)) return kieSecret(key);

  const encoded = key.slice(STANDARD_SECRET_PREFIX.length);
  if (encoded === '' || !BASE64.test(encoded)) {
    throw new WebhookKeyError(
      'The webhook key starts with whsec_ but the rest is not base64.',
    );
  }
  return Buffer.from(encoded, 'base64');
}
