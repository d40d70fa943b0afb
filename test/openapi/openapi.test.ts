import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';
import { REPO_ROOT } from '../support/sleeve-server.js';

// The shared spec, read by this test only (never by product code).
const SHARED = path.resolve(REPO_ROOT, '../shared');
const SEED = fs.readFileSync(
  path.join(SHARED, 'seed/get-music-cover-details.txt'),
  'utf8',
);
const CONTRACT = fs.readFileSync(
  path.join(SHARED, 'spec/cover-api.md'),
  'utf8',
);

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
}

interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  responses: Record<
    string,
    { description?: string; content?: Record<string, { schema: Schema }> }
  >;
}

let server: TestSleeve;
let doc: { openapi: string; paths: Record<string, Record<string, Operation>> };

before(async () => {
  server = await startSleeve();
  doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as never;
});
after(() => server?.close());

/** Every endpoint Sleeve serves, with the words a user calls it by. */
const ENDPOINTS = [
  'post /api/v1/suno/cover/generate',
  'get /api/v1/suno/cover/record-info',
  'post /api/v1/sleeve/music/import',
  'post /api/v1/sleeve/music',
  'get /api/v1/sleeve/music',
  'get /api/v1/sleeve/music/{taskId}',
  'get /api/v1/generate/record-info',
  'get /api/v1/chat/credit',
  'get /api/v1/generate/credit',
  'get /api/v1/sleeve/covers/{taskId}/images/{position}',
  'get /api/v1/sleeve/admin/keys',
  'post /api/v1/sleeve/admin/keys',
  'post /api/v1/sleeve/admin/keys/{id}/revoke',
  'post /api/v1/sleeve/admin/keys/{id}/credits',
  'get /api/v1/sleeve/admin/maintenance',
  'post /api/v1/sleeve/admin/maintenance',
  'get /media/images/{name}',
  'get /media/audio/{name}',
  'get /healthz',
];

function documented(): string[] {
  return Object.entries(doc.paths).flatMap(([route, methods]) =>
    Object.keys(methods).map((method) => `${method} ${route}`),
  );
}

test('the document is OpenAPI 3 and describes every endpoint, and only those', () => {
  assert.match(doc.openapi, /^3\./);
  assert.deepEqual(documented().sort(), [...ENDPOINTS].sort());
  for (const [route, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const name = `${method} ${route}`;
      assert.ok(operation.summary, `${name} has a summary`);
      assert.ok(operation.tags?.length, `${name} has a tag`);
      const ok = operation.responses['200'];
      assert.ok(ok, `${name} describes its 200 answer`);
      assert.ok(ok.content, `${name} says what its 200 answer holds`);
      const json = ok.content['application/json']?.schema;
      if (json) {
        assert.deepEqual(
          Object.keys(json.properties ?? {}),
          ['code', 'msg', 'data'],
          `${name} answers the envelope`,
        );
      }
    }
  }
});

test('every documented endpoint is really served', async () => {
  for (const endpoint of documented()) {
    const [method = '', route = ''] = endpoint.split(' ');
    const url = route.replace(/\{[^}]+\}/g, '0'.repeat(32));
    const response = await fetch(`${server.url}${url}`, {
      method: method.toUpperCase(),
    });
    const body = await response.text();
    assert.ok(!body.includes('No endpoint'), `${endpoint}: ${body}`);
  }
});

test('the pages and the document itself stay out of the document', () => {
  for (const hidden of ['/', '/gallery', '/docs', '/openapi.json']) {
    assert.equal(doc.paths[hidden], undefined, hidden);
  }
});

/** The fields of the seed's record-info `data`, read from its text. */
function seedDataFields() {
  const lines = SEED.split('\n').map((line) => line.trim());
  // The second `data:` is the response's (the first `data` word is prose).
  const start = lines.findIndex(
    (line, i) => line === 'data:' && lines[i + 1] === 'type: object',
  );
  // It ends where the whole answer's example begins.
  const end = lines.findIndex(
    (line, i) =>
      i > start && line === 'example:' && lines[i + 1] === 'code: 200',
  );
  const fields = new Map<string, Schema>();
  let current: Schema | undefined;
  let inEnum = false;
  for (const line of lines.slice(start + 3, end)) {
    const name = /^(\w+):$/.exec(line)?.[1];
    if (name && !['properties', 'enum', 'example'].includes(name)) {
      current = {};
      fields.set(name, current);
      inEnum = false;
      continue;
    }
    if (!current) continue;
    if (line === 'enum:') inEnum = true;
    else if (inEnum && /^- \S+$/.test(line)) {
      current.enum = [...(current.enum ?? []), Number(line.slice(2))];
    } else {
      inEnum = false;
      const [, key, value] = /^(type|format): (\S+)$/.exec(line) ?? [];
      if (key === 'type') current.type = value;
      if (key === 'format') current.format = value;
    }
  }
  return fields;
}

/** Fields the contract's record-info table says may be null. */
function nullableInContract(): Set<string> {
  const rows = CONTRACT.split('\n').filter((line) =>
    /^\| `\w+`[^|]*\|/.test(line),
  );
  return new Set(
    rows
      .filter((row) => /\bnull\b/.test(row.split('|').slice(2).join('|')))
      .map((row) => /`(\w+)`/.exec(row)?.[1] ?? ''),
  );
}

function recordInfoData(): Schema {
  const operation = doc.paths['/api/v1/suno/cover/record-info']?.['get'];
  const schema =
    operation?.responses['200']?.content?.['application/json']?.schema;
  const data = schema?.properties?.['data'];
  assert.ok(data?.properties, 'record-info documents its data');
  return data;
}

test('record-info fields match the seed one by one: names, types, formats, enums', () => {
  const seed = seedDataFields();
  // The parse found what a reader of the seed sees.
  assert.deepEqual(
    [...seed.keys()],
    [
      'taskId',
      'parentTaskId',
      'callbackUrl',
      'completeTime',
      'response',
      'images',
      'items',
      'successFlag',
      'createTime',
      'errorCode',
      'errorMessage',
    ],
  );
  const ours = recordInfoData().properties ?? {};
  const topLevel = [...seed.keys()].filter(
    (n) => n !== 'images' && n !== 'items',
  );
  assert.deepEqual(Object.keys(ours).sort(), [...topLevel].sort());

  for (const name of topLevel) {
    const expected = seed.get(name)!;
    const actual = ours[name]!;
    assert.equal(actual.type, expected.type, `${name} type`);
    assert.equal(actual.format, expected.format, `${name} format`);
    assert.deepEqual(actual.enum, expected.enum, `${name} enum`);
  }
  assert.deepEqual(ours['successFlag']?.enum, [0, 1, 2, 3]);
  assert.deepEqual(ours['errorCode']?.enum, [200, 500]);

  const images = ours['response']?.properties?.['images'];
  assert.equal(images?.type, seed.get('images')?.type);
  assert.equal(images?.items?.type, seed.get('items')?.type);
});

test('record-info nullability is the contract table’s', () => {
  const nullable = nullableInContract();
  assert.deepEqual(
    [...nullable].sort(),
    ['callbackUrl', 'completeTime', 'errorCode', 'errorMessage'],
    'the table was read',
  );
  const ours = recordInfoData();
  for (const [name, schema] of Object.entries(ours.properties ?? {})) {
    assert.equal(schema.nullable === true, nullable.has(name), name);
    assert.ok(ours.required?.includes(name), `${name} is always sent`);
  }
  assert.equal(ours.nullable, true, 'data is null for an unknown task');
});

test('the envelope code and msg have the seed’s types', () => {
  const operation = doc.paths['/api/v1/suno/cover/record-info']?.['get'];
  const envelope =
    operation?.responses['200']?.content?.['application/json']?.schema;
  assert.equal(envelope?.properties?.['code']?.type, 'integer');
  assert.equal(envelope?.properties?.['code']?.format, 'int32');
  assert.equal(envelope?.properties?.['msg']?.type, 'string');
});

test('/docs is a page that reads the document', async () => {
  const response = await fetch(`${server.url}/docs`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(
    response.headers.get('content-security-policy') ?? '',
    /script-src 'self'/,
  );
  const html = await response.text();
  assert.match(html, /<script type="module" src="\/gallery\/docs.js">/);
  const script = await (await fetch(`${server.url}/gallery/docs.js`)).text();
  assert.match(script, /fetch\('\/openapi.json'\)/);
});
