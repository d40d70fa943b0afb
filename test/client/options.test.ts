import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  SleeveClient,
  type SleeveClientOptions,
} from '../../src/client/index.js';

const GOOD = { baseUrl: 'http://127.0.0.1:3000', apiKey: 'slv_key' };

/** Options as a JavaScript caller might pass them, types aside. */
function construct(options: unknown) {
  return () => new SleeveClient(options as SleeveClientOptions);
}

test('a missing or unusable baseUrl is a TypeError naming it', () => {
  for (const baseUrl of [undefined, '', 42, 'not a url', 'ftp://host']) {
    assert.throws(
      construct({ ...GOOD, baseUrl }),
      (error: Error) =>
        error instanceof TypeError &&
        /^SleeveClient: baseUrl must be an http\(s\) URL/.test(error.message),
      String(baseUrl),
    );
  }
});

test('a baseUrl with a user name or password is refused, never shown', () => {
  for (const baseUrl of [
    'http://u:SECRETPW@127.0.0.1:3200',
    'http://SECRETPW@127.0.0.1:3200',
    'https://:SECRETPW@covers.example/api/v1',
    'https://u:SECRET@PW@covers.example',
  ]) {
    assert.throws(
      construct({ ...GOOD, baseUrl }),
      (error: Error) =>
        error instanceof TypeError &&
        /^SleeveClient: baseUrl must not contain a user name or password/.test(
          error.message,
        ) &&
        !/SECRET|PW/.test(error.message),
      baseUrl,
    );
  }
});

test('a baseUrl that is not http(s) is shown without its password', () => {
  const cases = [
    ['ftp://u:SECRETPW@files.example', /it is "ftp:\/\/files\.example"$/],
    ['localhost:SECRETPW@host', /it is a string with an "@" \(not shown/],
  ] as const;
  for (const [baseUrl, shown] of cases) {
    assert.throws(
      construct({ ...GOOD, baseUrl }),
      (error: Error) =>
        /baseUrl must be an http\(s\) URL/.test(error.message) &&
        shown.test(error.message) &&
        !error.message.includes('SECRETPW'),
      baseUrl,
    );
  }
});

test('a baseUrl with a query or a fragment is refused', () => {
  for (const baseUrl of [
    'http://127.0.0.1:3200?x=1#f',
    'http://127.0.0.1:3200/api/v1?token=SECRET',
    'http://127.0.0.1:3200/?',
    'http://127.0.0.1:3200#',
  ]) {
    assert.throws(
      construct({ ...GOOD, baseUrl }),
      (error: Error) =>
        error instanceof TypeError &&
        /^SleeveClient: baseUrl must not have a query \(\?…\) or a fragment/.test(
          error.message,
        ) &&
        !error.message.includes('SECRET'),
      baseUrl,
    );
  }
});

test('a missing, empty or spaced apiKey is a TypeError naming it', () => {
  for (const apiKey of [undefined, '', '   ', 'two words', 'key\n', 7]) {
    assert.throws(
      construct({ ...GOOD, apiKey }),
      (error: Error) =>
        error instanceof TypeError &&
        /^SleeveClient: apiKey must be /.test(error.message),
      JSON.stringify(apiKey),
    );
  }
});

test('an apiKey that cannot be sent in a header is refused, not shown', () => {
  for (const apiKey of ['slv_€€', 'slv_café', 'slv_\u00a0x', 'slv_\u0085x']) {
    assert.throws(
      construct({ ...GOOD, apiKey }),
      (error: Error) =>
        error instanceof TypeError &&
        /^SleeveClient: apiKey must be .*visible ASCII/.test(error.message) &&
        /non-ASCII characters$/.test(error.message) &&
        !error.message.includes('slv_'),
      JSON.stringify(apiKey),
    );
  }
});

test('the optional options are checked when given', () => {
  const cases = [
    [
      { creditEndpoint: 'credit' },
      /creditEndpoint must be 'chat' or 'generate'/,
    ],
    [{ requestTimeoutMs: 0 }, /requestTimeoutMs must be a number above 0/],
    [
      { requestTimeoutMs: '30000' },
      /requestTimeoutMs must be a number above 0/,
    ],
    [{ fetch: 'fetch' }, /fetch must be a function/],
  ] as const;
  for (const [bad, message] of cases) {
    assert.throws(construct({ ...GOOD, ...bad }), (error: Error) => {
      return error instanceof TypeError && message.test(error.message);
    });
  }
  assert.throws(
    construct(undefined),
    /SleeveClient: options must be an object/,
  );
});

test('good options make a client, and the key is never in a message', () => {
  assert.ok(construct(GOOD)() instanceof SleeveClient);
  assert.ok(
    construct({
      baseUrl: 'https://covers.example/api/v1/',
      apiKey: 'sk-abc',
      creditEndpoint: 'generate',
      requestTimeoutMs: 5000,
      fetch: globalThis.fetch,
    })() instanceof SleeveClient,
  );
  assert.throws(
    construct({ ...GOOD, apiKey: 'secret with space' }),
    (error: Error) => !error.message.includes('secret'),
  );
});
