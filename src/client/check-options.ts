import type { SleeveClientOptions } from './client.js';
import { withoutCredentials } from './url-credentials.js';

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
  const url = typeof baseUrl === 'string' ? parseHttpUrl(baseUrl) : undefined;
  if (typeof baseUrl !== 'string' || !url) fail(notAnHttpUrl(baseUrl));
  const shown = `"${url.origin}${url.pathname}"`;
  // fetch refuses a URL with credentials, and its message shows them.
  if (url.username !== '' || url.password !== '') {
    fail(
      'baseUrl must not contain a user name or password (the apiKey is ' +
        `the one credential sent); it is ${shown} with them`,
    );
  }
  // The client appends paths, which would land in the query or fragment.
  if (/[?#]/.test(baseUrl)) {
    fail(
      'baseUrl must not have a query (?…) or a fragment (#…); it is ' +
        `${shown} with one`,
    );
  }
}

/**
 * A URL is no secret, and seeing it helps: "localhost:3000" lacks
 * http://. A password in it is, so none is shown.
 */
function notAnHttpUrl(baseUrl: unknown): string {
  let given = describeValue(baseUrl);
  if (typeof baseUrl === 'string' && baseUrl !== '') {
    const hidden = withoutCredentials(baseUrl);
    given = hidden.includes('@')
      ? 'a string with an "@" (not shown: it may hold a password)'
      : JSON.stringify(hidden);
  }
  return (
    "baseUrl must be an http(s) URL, e.g. 'https://api.example.com'; " +
    `it is ${given}`
  );
}

/**
 * One word of visible ASCII: a header value cannot carry more (fetch
 * refuses any character past U+00FF, and servers read Latin-1 bytes
 * differently). The key itself never goes into a message.
 */
function checkApiKey(apiKey: unknown): void {
  const headerWord = /^[\x21-\x7e]+$/;
  if (typeof apiKey === 'string' && headerWord.test(apiKey)) return;
  const given =
    typeof apiKey === 'string' && apiKey !== ''
      ? 'a string with spaces, control or non-ASCII characters'
      : describeValue(apiKey);
  fail(
    'apiKey must be a non-empty string of visible ASCII characters, ' +
      'without spaces (it is sent as "Authorization: Bearer <apiKey>"); ' +
      `it is ${given}`,
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

function parseHttpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    const isHttp = url.protocol === 'http:' || url.protocol === 'https:';
    return isHttp ? url : undefined;
  } catch {
    return undefined;
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
