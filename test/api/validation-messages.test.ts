import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';

/**
 * What the validator finds wrong is said in plain words that name the
 * field, never in the validator's own phrasing.
 */

let server: TestSleeve;

before(async () => {
  server = await startSleeve();
});

after(() => server.close());

async function post(route: string, body: string, contentType?: string) {
  const response = await fetch(server.url + route, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${server.adminKey}`,
      ...(contentType && { 'content-type': contentType }),
    },
    body,
  });
  return (await response.json()) as { code: number; msg: string };
}

const GENERATE = '/api/v1/suno/cover/generate';

test('a body that is not an object says the body must be a JSON object', async () => {
  for (const body of ['"x"', '[1]', '42']) {
    const answer = await post(GENERATE, body, 'application/json');
    assert.deepEqual(answer, {
      code: 422,
      msg: 'The request body must be a JSON object.',
      data: null,
    });
  }
});

test('a field of the wrong type is named with the type it must have', async () => {
  const wrong = await server.api('POST', GENERATE, { taskId: 5 });
  assert.equal(wrong.body.code, 422);
  assert.equal(wrong.body.msg, 'taskId must be a string.');
  const nullable = await server.api('POST', GENERATE, {
    taskId: 'x',
    callBackUrl: 5,
  });
  assert.equal(nullable.body.msg, 'callBackUrl must be a string or null.');
  const whole = await server.api('POST', GENERATE, {
    taskId: 'x',
    variation: 1.5,
  });
  assert.equal(whole.body.msg, 'variation must be a whole number.');
});

test('a query value given twice says so', async () => {
  const answer = await server.api(
    'GET',
    '/api/v1/sleeve/music?limit=2&limit=3',
  );
  assert.equal(answer.body.code, 422);
  assert.equal(answer.body.msg, 'limit must be given once only.');
});

test('an empty name says it must not be empty; a long one gives the limit', async () => {
  const empty = await server.api('POST', '/api/v1/sleeve/admin/keys', {
    name: '',
  });
  assert.equal(empty.body.code, 422);
  assert.equal(empty.body.msg, 'name must not be empty.');
  const long = await server.api('POST', '/api/v1/sleeve/admin/keys', {
    name: 'n'.repeat(101),
  });
  assert.equal(long.body.msg, 'name must be at most 100 characters long.');
});

test('a name of only spaces or invisible characters is refused, as a title is', async () => {
  for (const name of ['   ', '\u200b', ' \ufeff\u2060 ']) {
    const answer = await server.api('POST', '/api/v1/sleeve/admin/keys', {
      name,
    });
    assert.equal(answer.body.code, 422, JSON.stringify(name));
    assert.equal(
      answer.body.msg,
      'name must show something: not only spaces or invisible characters.',
    );
  }
});

test('a value outside a list names the values allowed', async () => {
  const answer = await server.api(
    'GET',
    `/api/v1/sleeve/covers/${'a'.repeat(32)}/images/0?format=gif`,
  );
  assert.equal(answer.body.code, 422);
  assert.equal(answer.body.msg, 'format must be one of png, jpeg, webp.');
});

test('a __proto__ key is refused and said to be, whatever the content type', async () => {
  for (const type of ['application/json', 'text/plain', undefined]) {
    const answer = await post(
      GENERATE,
      '{"taskId":"x","__proto__":{"admin":true}}',
      type,
    );
    assert.equal(answer.code, 400, String(type));
    assert.match(
      answer.msg,
      /^The body contains a __proto__ key, which is refused\.$/,
    );
  }
});

test('a constructor.prototype key is refused too', async () => {
  const answer = await post(
    GENERATE,
    '{"taskId":"x","constructor":{"prototype":{"admin":true}}}',
    'application/json',
  );
  assert.equal(answer.code, 400);
  assert.match(answer.msg, /constructor\.prototype key, which is refused/);
});

test('a key name with control characters is code 422', async () => {
  for (const name of ['a\u001b[31mb', 'two\nlines', 'x\u202ey', 'del\u007f']) {
    const answer = await server.api('POST', '/api/v1/sleeve/admin/keys', {
      name,
    });
    assert.equal(answer.body.code, 422, JSON.stringify(name));
    assert.match(answer.body.msg, /name must not contain control characters/);
  }
  const keys = await server.sleeve.accounts.list();
  assert.equal(keys.length, 1, 'only the admin key exists');
});
