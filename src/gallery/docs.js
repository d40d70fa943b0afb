import { h, mount } from './dom.js';

/**
 * Draws the reference from /openapi.json: one section per tag, one card
 * per operation with its parameters, body and answer, fields nested.
 */
const reference = document.querySelector('[data-reference]');
const toc = document.querySelector('[data-toc]');

// The list of endpoints stays open beside the reference on wide screens
// and folds away above it on phones.
document.querySelector('[data-toc-details]').open =
  matchMedia('(min-width: 52rem)').matches;

async function load() {
  try {
    const response = await fetch('/openapi.json');
    render(await response.json());
  } catch {
    mount(
      reference,
      h(
        'p',
        { class: 'alert', role: 'alert' },
        'The OpenAPI document could not be loaded from /openapi.json.',
      ),
    );
  }
}

function render(doc) {
  const groups = groupByTag(doc);
  mount(
    reference,
    h(
      'section',
      { class: 'docs__intro' },
      h('h1', {}, doc.info?.title ?? 'API'),
      h('p', {}, doc.info?.description ?? ''),
      h(
        'p',
        {},
        'Every JSON answer is an envelope ',
        h('code', {}, '{ code, msg, data }'),
        '. Business errors (401 key, 402 credits, 422 validation, 429 rate limit, 455 maintenance) arrive as HTTP 200 with the error in ',
        h('code', {}, 'code'),
        ' and a plain-words ',
        h('code', {}, 'msg'),
        '. Send the key as ',
        h('code', {}, 'Authorization: Bearer <key>'),
        '.',
      ),
    ),
    ...groups.map(([tag, operations]) => tagSection(doc, tag, operations)),
  );
  mount(
    toc,
    ...groups.map(([tag, operations]) => [
      h('h2', {}, tag),
      h(
        'ul',
        {},
        operations.map((op) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: `#${op.id}` },
              `${op.method.toUpperCase()} ${op.path}`,
            ),
          ),
        ),
      ),
    ]),
  );
  if (location.hash)
    document.getElementById(location.hash.slice(1))?.scrollIntoView();
}

function groupByTag(doc) {
  const groups = new Map();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      const tag = operation.tags?.[0] ?? 'other';
      const id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-');
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag).push({ id, path, method, operation });
    }
  }
  return [...groups.entries()];
}

function tagSection(doc, tag, operations) {
  return h(
    'section',
    { class: 'tag-section', 'aria-labelledby': `tag-${tag}` },
    h('h2', { id: `tag-${tag}` }, tag),
    operations.map((op) => operationCard(doc, op)),
  );
}

function operationCard(doc, { id, path, method, operation }) {
  const open = operation.security?.length === 0 ? 'No key needed.' : '';
  return h(
    'article',
    { class: 'op', id, 'aria-labelledby': `${id}-title` },
    h(
      'div',
      { class: 'op__line' },
      h('span', { class: `method method--${method}` }, method.toUpperCase()),
      h(
        'h3',
        { class: 'visually-hidden', id: `${id}-title` },
        `${method.toUpperCase()} ${path}`,
      ),
      h('span', { class: 'op__path', 'aria-hidden': 'true' }, path),
    ),
    h('p', {}, h('strong', {}, operation.summary ?? '')),
    operation.description
      ? h('p', { class: 'op__description' }, operation.description)
      : '',
    open ? h('p', { class: 'lock' }, open) : '',
    parameters(operation.parameters ?? []),
    body(doc, operation.requestBody),
    responses(doc, operation.responses ?? {}),
  );
}

function parameters(list) {
  if (list.length === 0) return '';
  return [
    h('h3', {}, 'Parameters'),
    h(
      'ul',
      { class: 'fields' },
      list.map((p) =>
        fieldItem(
          p.name,
          p.schema ?? {},
          p.required,
          `${p.in}${p.description ? ` — ${p.description}` : ''}`,
        ),
      ),
    ),
  ];
}

function body(doc, requestBody) {
  const schema = requestBody?.content?.['application/json']?.schema;
  if (!schema) return '';
  return [h('h3', {}, 'Body (JSON)'), schemaFields(doc, schema)];
}

function responses(doc, map) {
  return Object.entries(map).map(([status, response]) => {
    const content = response.content ?? {};
    const types = Object.keys(content);
    const json = content['application/json']?.schema;
    return h(
      'details',
      { open: status === '200' },
      h(
        'summary',
        {},
        `Answer ${status}: ${response.description ?? ''}${types.length && !json ? ` (${types.join(', ')})` : ''}`,
      ),
      json ? schemaFields(doc, json) : '',
    );
  });
}

function resolve(doc, schema) {
  if (!schema?.$ref) return schema ?? {};
  const name = schema.$ref.split('/').pop();
  return doc.components?.schemas?.[name] ?? {};
}

function schemaFields(doc, raw, depth = 0) {
  const schema = resolve(doc, raw);
  if (schema.type === 'array')
    return schemaFields(doc, schema.items ?? {}, depth);
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const names = Object.keys(properties);
  if (names.length === 0 || depth > 5) return '';
  return h(
    'ul',
    { class: 'fields' },
    names.map((name) => {
      const child = resolve(doc, properties[name]);
      const nested =
        child.properties || child.items?.properties
          ? schemaFields(doc, child, depth + 1)
          : '';
      return fieldItem(
        name,
        child,
        required.has(name),
        child.description,
        nested,
      );
    }),
  );
}

function fieldItem(name, schema, required, description, nested = '') {
  return h(
    'li',
    {},
    h('code', { class: 'field-name' }, name),
    h('span', { class: 'field-type' }, typeOf(schema)),
    required ? h('span', { class: 'field-flag' }, 'required') : '',
    schema.nullable ? h('span', { class: 'field-flag' }, 'nullable') : '',
    description ? h('div', { class: 'field-description' }, description) : '',
    nested,
  );
}

function typeOf(schema) {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return options.map(typeOf).join(' | ');
  let type = schema.type ?? 'any';
  if (type === 'array') type = `${typeOf(schema.items ?? {})}[]`;
  if (schema.format) type += ` (${schema.format})`;
  if (schema.enum) type += ` ∈ {${schema.enum.join(', ')}}`;
  if (schema.const !== undefined) type = JSON.stringify(schema.const);
  return type;
}

load();
