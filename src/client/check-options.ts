import type { SleeveClientOptions } from './client.js';

/**
 * Checks a SleeveClient's options as it is made, so that a missing one
 * (often an unset environment variable) fails at once with a TypeError
 * that names it, not later as "Cannot read properties of undefined" or a
 * 401. TypeScript callers get most of this from the types already.
 */
export function checkClientOptions(options: SleeveClientOptions): void {
  if (typeof options !== 'object' || options === null) {
    fail('options must be an object: { baseUrl, apiKey }');
  }
  checkBaseUrl(options.baseUrl);
  checkApiKey(options.apiKey);
  checkOptional(options);
}

function checkBaseUrl(baseUrl: unknown): void {
  if (typeof baseUrl === 'string' && isHttpUrl(baseUrl)) return;
  // A URL is no secret, and seeing it helps: "localhost:3000" lacks http://.
  const given =
    typeof baseUrl === 'string' && baseUrl !== ''
      ? JSON.stringify(baseUrl)
      : describeValue(baseUrl);
  fail(
    "baseUrl must be an http(s) URL, e.g. 'https://api.example.com'; " +
      `it is ${given}`,
  );
}

/** The key itself never goes into a message. */
function checkApiKey(apiKey: unknown): void {
  const oneWord = /^[^\s\u0000-\u001f\u007f]+$/;
  if (typeof apiKey === 'string' && oneWord.test(apiKey)) return;
  const given =
    typeof apiKey === 'string' && apiKey !== ''
      ? 'a string with spaces or control characters'
      : describeValue(apiKey);
  fail(
    'apiKey must be a non-empty string without spaces (it is sent as ' +
      `"Authorization: Bearer <apiKey>"); it is ${given}`,
  );
}

function checkOptional(options: SleeveClientOptions): void {
  const { creditEndpoint, requestTimeoutMs, fetch } = options;
  if (
    creditEndpoint !== undefined &&
    !['chat', 'generate'].includes(creditEndpoint)
  ) {
    fail("creditEndpoint must be 'chat' or 'generate' (default 'chat')");
  }
  if (
    requestTimeoutMs !== undefined &&
    !(typeof requestTimeoutMs === 'number' && requestTimeoutMs > 0)
  ) {
    fail('requestTimeoutMs must be a number above 0 (default 30000)');
  }
  if (fetch !== undefined && typeof fetch !== 'function') {
    fail('fetch must be a function (default: the global fetch)');
  }
  if (fetch === undefined && typeof globalThis.fetch !== 'function') {
    fail('fetch must be given: this runtime has no global fetch');
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** What a missing or mistyped value is. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined (an unset environment variable?)';
  if (value === '') return 'an empty string';
  return value === null ? 'null' : `a ${typeof value}`;
}

function fail(problem: string): never {
  throw new TypeError(`SleeveClient: ${problem}`);
}
