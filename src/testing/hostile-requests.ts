import fc from 'fast-check';

/**
 * Hostile requests made from the OpenAPI document: for every operation, the path, query and body
 * it declares, filled mostly with values of the right shape and now and then with the wrong
 * ones (NUL bytes, unpaired surrogates, impossible dates, huge and negative numbers, wrong types,
 * unknown keys, deep nesting, long text, bodies that are not JSON at all). New routes are covered
 * without changing anything here. The fuzz test (`src/server/fuzz.routes.test.ts`) sends them.
 */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  example?: unknown;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

type Parameter = { name: string; in: string; required?: boolean; schema?: JsonSchema };

type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export type DocumentedOperation = { method: string; template: string; operation: Operation };

/** A request as it goes on the wire, without the caller's credentials. */
export type HostileRequest = {
  method: string;
  path: string;
  /** Without a body for operations that declare none. */
  body?: string | Uint8Array<ArrayBuffer>;
  contentType?: string;
};

/**
 * Values that exist in the database under test, by the name of the path parameter or body
 * property they fit (`slug`, `orgnr`, `id`, …): with them a request gets past "not found" to the
 * code behind it.
 */
export type KnownValues = Record<string, readonly string[]>;

export function documentedOperations(document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      template,
      operation,
    })),
  );
}

/**
 * How many inputs an operation takes: its parameters and the members of its body. An operation
 * with more of them has more to get wrong, so it gets a larger share of the requests.
 */
export function inputCount(document: OpenApiDocument, { operation }: DocumentedOperation): number {
  const resolve = resolverFor(document);
  const body = resolve(operation.requestBody?.content?.['application/json']?.schema);
  return 1 + (operation.parameters?.length ?? 0) + Object.keys(body.properties ?? {}).length;
}

/** Text no field should hold, each a way a string has broken something somewhere. */
const HOSTILE_TEXT = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  'pair \uD83D\uDE00 then lone \uD83D',
  '\uFEFF',
  '\u202Egnp.exe',
  '',
  ' ',
  '\r\n',
  '\t',
  "' or 1=1 --",
  "'; drop table clusters; --",
  '"',
  '\\',
  '%',
  '_',
  '%00',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '{{7*7}}',
  '$' + '{jndi:ldap://x}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999999',
  '0x1F',
  'ÆØÅ æøå',
  'ﬃ',
  '\u0130',
  '0000-01-01',
  '2026-02-30',
  '2026-13-01',
  '9999-12-31',
  '-0001-01-01',
  '10000-01-01',
  '2026-06-15T10:00:00Z',
  'ola@demo.klynge.example',
  'a@b',
  '@',
  "=cmd|' /C calc'!A0",
];

/** Dates that do not exist, that PostgreSQL cannot store, or that are not written YYYY-MM-DD. */
const HOSTILE_DATES = [
  '0000-01-01',
  '0000-12-31',
  '0001-01-01',
  '2026-02-30',
  '2025-02-29',
  '2026-13-01',
  '2026-00-10',
  '9999-12-31',
  '10000-01-01',
  '-0001-01-01',
  '2026-6-1',
  '20260615',
  '2026-06-15T00:00:00Z',
  '2026-06-15\u0000',
];

/** JSON texts of numbers that break code trusting a number: too large, negative, fractional, unsafe. */
const HOSTILE_NUMBERS = [
  '0',
  '-0',
  '-1',
  '1.5',
  '2147483648',
  '9007199254740993',
  '1e308',
  '-1e308',
  '1e309',
  '123456789012345678901234567890',
  '1E-400',
];

/** Whole bodies that are not the JSON the route wants. */
const HOSTILE_BODIES = [
  '',
  ' ',
  'null',
  'true',
  '0',
  '"text"',
  '[]',
  '[{}]',
  '{',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  '\uFEFF{}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  'a=1&b=2',
  '<xml/>',
  `${'['.repeat(40)}${']'.repeat(40)}`,
  `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`,
];

const CONTENT_TYPES = [
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=klynge',
  'application/xml',
  'application/jsonx',
  'application/json; charset=utf-16',
  'application/merge-patch+json',
  'APPLICATION/JSON',
  '',
];

/** Query and path fragments sent as they are: bytes that are not UTF-8, or broken escapes. */
const RAW_ESCAPES = ['%00', '%', '%zz', '%C0%80', '%FF', '%ED%A0%80', '%F0%9F', '%2F', '%2e%2e', '%0A', '+'];

/** Percent-encodes text as a browser would; an unpaired surrogate becomes the bytes some clients send for it. */
export function encodeComponent(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    let out = '';
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (code >= 0xd800 && code <= 0xdfff) {
        // WTF-8: the three bytes a surrogate would have, which strict UTF-8 decoders refuse.
        out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((byte) => `%${byte.toString(16).toUpperCase()}`)
          .join('');
      } else out += encodeURIComponent(char);
    }
    return out;
  }
}

/** Fields that hold a calendar day, by the names the contracts give them. */
function isDateName(name: string): boolean {
  return /On$|^(from|to|date)$/.test(name);
}

const longText = fc.constantFrom(100, 1_000, 10_000, 200_000).map((length) => 'a'.repeat(length));
/** Ordinary text with one character slipped in that no field should hold. */
const poisonedText = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'),
    fc.string({ maxLength: 8 }),
  )
  .map(([before, character, after]) => `${before}${character}${after}`);
const hostileText = fc.oneof(
  { weight: 3, arbitrary: poisonedText },
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 1, arbitrary: longText },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** A document with its references resolved, `allOf` merged. */
function resolverFor(document: OpenApiDocument) {
  const components = document.components?.schemas ?? {};
  const resolve = (schema: JsonSchema | undefined): JsonSchema => {
    if (!schema) return {};
    if (schema.$ref) return resolve(components[schema.$ref.replace('#/components/schemas/', '')]);
    if (schema.allOf) return Object.assign({}, ...schema.allOf.map(resolve)) as JsonSchema;
    return schema;
  };
  return resolve;
}

type Resolve = ReturnType<typeof resolverFor>;

function typesOf(schema: JsonSchema): string[] {
  if (schema.enum) return ['enum'];
  if (schema.type === undefined) return schema.properties ? ['object'] : ['string'];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** Text the field takes (or nearly: a pattern is met only when a known value or the example fits it). */
function validText(schema: JsonSchema, name: string, known: KnownValues): fc.Arbitrary<string> {
  const options: fc.Arbitrary<string>[] = [];
  const knownHere = known[name];
  if (knownHere?.length) options.push(fc.constantFrom(...knownHere));
  if (typeof schema.example === 'string') options.push(fc.constant(schema.example));
  if (schema.format === 'email') options.push(fc.nat(1_000_000).map((n) => `fuzz-${n}@example.test`));
  else if (schema.format === 'uuid') options.push(fc.uuid());
  else if (schema.format === 'uri')
    options.push(fc.constantFrom('https://klynge.example.no', 'http://x.test/a?b=c'));
  else if (isDateName(name)) {
    options.push(
      fc
        .record({ year: fc.integer({ min: 1990, max: 2040 }), day: fc.integer({ min: 0, max: 364 }) })
        .map(({ year, day }) => new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10)),
    );
  }
  if (options.length === 0 || !schema.pattern) {
    const min = schema.minLength ?? 0;
    const max = Math.max(min, Math.min(schema.maxLength ?? 40, 40));
    options.push(fc.string({ minLength: min, maxLength: max }));
  }
  return fc.oneof(...options);
}

/** A JSON value the schema takes. */
function validValue(
  resolve: Resolve,
  input: JsonSchema | undefined,
  name: string,
  known: KnownValues,
  depth: number,
): fc.Arbitrary<unknown> {
  const schema = resolve(input);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => validValue(resolve, choice, name, known, depth)));
  const kinds = typesOf(schema).map((kind): fc.Arbitrary<unknown> => {
    switch (kind) {
      case 'enum':
        return fc.constantFrom(...schema.enum!);
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
      case 'number':
        return fc.integer({
          min: Math.ceil(schema.minimum ?? -1_000),
          max: Math.floor(schema.maximum ?? 1_000_000),
        });
      case 'array':
        return fc.array(validValue(resolve, schema.items, name, known, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 3, 3),
        });
      case 'object': {
        const required = new Set(schema.required ?? []);
        const members = Object.entries(schema.properties ?? {}).map(([key, property]) =>
          fc.option(
            validValue(resolve, property, key, known, depth + 1).map((value) => [key, value] as const),
            { freq: required.has(key) ? 50 : 2 },
          ),
        );
        return fc
          .tuple(...members)
          .map((present) => Object.fromEntries(present.filter((member) => member !== null)));
      }
      default:
        return validText(schema, name, known);
    }
  });
  return fc.oneof(...kinds);
}

/** JSON text of a value of the wrong kind, or of the right kind with a value nobody should send. */
function hostileJson(name: string): fc.Arbitrary<string> {
  const nested = fc
    .integer({ min: 2, max: 40 })
    .map((levels) => `${'['.repeat(levels)}1${']'.repeat(levels)}`);
  return fc.oneof(
    { weight: 4, arbitrary: hostileText.map((text) => JSON.stringify(text)) },
    {
      weight: isDateName(name) ? 12 : 0,
      arbitrary: fc.constantFrom(...HOSTILE_DATES).map((text) => JSON.stringify(text)),
    },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
    { weight: 1, arbitrary: fc.constantFrom('null', 'true', 'false', '{}', '[]', '[null]', '{"nb":null}') },
    { weight: 1, arbitrary: nested },
  );
}

/** Where in a JSON value a hostile value can go: any member or item, or a key the schema lacks. */
function slotsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => [[...path, index], ...slotsOf(item, [...path, index])]);
  }
  if (value !== null && typeof value === 'object') {
    return [
      ...Object.entries(value).flatMap(([key, item]) => [[...path, key], ...slotsOf(item, [...path, key])]),
      [...path, EXTRA_KEYS[path.length % EXTRA_KEYS.length]!],
    ];
  }
  return [];
}

const EXTRA_KEYS = ['__proto__', 'isAdmin', 'id', '\u0000', '\uD800', 'constructor', ''];

/** JSON text of a value with JSON text fragments in place of the members at some slots (keyed by `slotKey`). */
function jsonWith(
  value: unknown,
  fragments: ReadonlyMap<string, string>,
  path: (string | number)[] = [],
): string {
  const own = fragments.get(slotKey(path));
  if (own !== undefined) return own;
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => jsonWith(item, fragments, [...path, index])).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, item]) => `${JSON.stringify(key)}:${jsonWith(item, fragments, [...path, key])}`,
    );
    for (const extra of EXTRA_KEYS) {
      const fragment = Object.hasOwn(value, extra) ? undefined : fragments.get(slotKey([...path, extra]));
      if (fragment !== undefined) entries.push(`${JSON.stringify(extra)}:${fragment}`);
    }
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

const slotKey = (path: (string | number)[]) => JSON.stringify(path);

/**
 * How much of a request is hostile: nothing (it should get through to the service), one field
 * (which must be refused by name, whatever the rest holds), or many.
 */
type Mode = 'valid' | 'one' | 'many';

type Field = { name: string; valid: fc.Arbitrary<string>; hostile: fc.Arbitrary<string> };

function pathFields(template: string, parameters: Parameter[], known: KnownValues): Field[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => {
    const name = match[1]!;
    const example = parameters.find((p) => p.name === name)?.schema?.example;
    const good = [...(known[name] ?? []), ...(typeof example === 'string' ? [example] : [])];
    return {
      name,
      valid: good.length > 0 ? fc.constantFrom(...good).map(encodeComponent) : fc.uuid(),
      hostile: fc.oneof(
        { weight: 3, arbitrary: hostileText.filter((text) => text.length > 0).map(encodeComponent) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(...RAW_ESCAPES, '.', '..', '00000000-0000-0000-0000-000000000000'),
        },
      ),
    };
  });
}

function queryFields(resolve: Resolve, parameters: Parameter[], known: KnownValues): Field[] {
  return parameters.map((parameter) => {
    const schema = resolve(parameter.schema);
    return {
      name: parameter.name,
      valid: validQueryValue(schema, parameter.name, known),
      hostile: fc.oneof(
        { weight: 4, arbitrary: hostileText.map(encodeComponent) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_ESCAPES) },
        { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS).map(encodeComponent) },
        {
          weight: isDateName(parameter.name) ? 12 : 0,
          arbitrary: fc.constantFrom(...HOSTILE_DATES).map(encodeComponent),
        },
      ),
    };
  });
}

function validQueryValue(schema: JsonSchema, name: string, known: KnownValues): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...schema.enum.map(String)).map(encodeComponent);
  const kinds = typesOf(schema);
  if (kinds.includes('integer') || kinds.includes('number')) {
    return fc
      .integer({ min: Math.ceil(schema.minimum ?? 0), max: Math.floor(schema.maximum ?? 1_000) })
      .map(String);
  }
  if (kinds.includes('boolean')) return fc.constantFrom('true', 'false');
  return validText(schema, name, known).map(encodeComponent);
}

/** Each field's text: valid, or hostile where the mode and the draw say. */
function filled(fields: Field[], mode: Mode) {
  return fc
    .record({
      pick: fc.nat(),
      valid: fc.tuple(...fields.map((field) => field.valid)),
      hostile: fc.tuple(...fields.map((field) => field.hostile)),
      coins: fc.array(fc.boolean(), { minLength: fields.length, maxLength: fields.length }),
    })
    .map(({ pick, valid, hostile, coins }) => {
      const bad = fields.map((_, index) =>
        mode === 'many' ? coins[index]! : mode === 'one' && pick % fields.length === index,
      );
      return { values: fields.map((_, index) => (bad[index] ? hostile[index]! : valid[index]!)), bad };
    });
}

/** Every hostile request one operation can be sent. */
export function hostileRequests(
  document: OpenApiDocument,
  { method, template, operation }: DocumentedOperation,
  known: KnownValues,
): fc.Arbitrary<HostileRequest> {
  const resolve = resolverFor(document);
  const parameters = operation.parameters ?? [];
  const inPath = pathFields(template, parameters, known);
  const inQuery = queryFields(
    resolve,
    parameters.filter((p) => p.in === 'query'),
    known,
  );
  const jsonSchema = operation.requestBody?.content?.['application/json']?.schema;

  const parts = ['path', 'query', 'body'].filter(
    (part) =>
      (part === 'path' ? inPath : part === 'query' ? inQuery : jsonSchema ? [jsonSchema] : []).length > 0,
  );
  return fc
    .record({
      mode: fc.constantFrom<Mode>('valid', 'one', 'one', 'one', 'many'),
      part: fc.constantFrom(...(parts.length > 0 ? parts : ['none'])),
    })
    .chain(({ mode, part }) => {
      const modeOf = (name: string): Mode => (mode === 'one' ? (part === name ? 'one' : 'valid') : mode);
      return fc.record({
        path: pathOf(template, inPath, modeOf('path')),
        query: queryOf(inQuery, modeOf('query')),
        body: jsonSchema ? bodyOf(resolve, jsonSchema, known, modeOf('body')) : fc.constant({}),
      });
    })
    .map((parts) => ({
      method,
      path: parts.query ? `${parts.path}?${parts.query}` : parts.path,
      ...parts.body,
    }));
}

function pathOf(template: string, fields: Field[], mode: Mode): fc.Arbitrary<string> {
  return filled(fields, mode).map(({ values }) => {
    let index = 0;
    return template.replace(/\{(\w+)\}/g, () => values[index++]!);
  });
}

function queryOf(fields: Field[], mode: Mode): fc.Arbitrary<string> {
  return fc
    .record({
      filled: filled(fields, mode),
      // Most parameters are left out most of the time, as callers do; now and then one is sent twice or bare.
      shapes: fc.array(fc.constantFrom('absent', 'absent', 'once', 'once', 'once', 'twice', 'bare'), {
        minLength: fields.length,
        maxLength: fields.length,
      }),
      extra: fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        {
          weight: mode === 'valid' ? 0 : 1,
          arbitrary: fc.constantFrom(
            '__proto__=1',
            'constructor[prototype]=1',
            '%00=%00',
            'page[]=1',
            '=',
            '&&',
          ),
        },
      ),
    })
    .map(({ filled: { values, bad }, shapes, extra }) => {
      const pairs = fields.flatMap((field, index) => {
        const name = encodeComponent(field.name);
        const value = values[index]!;
        // A hostile value is always sent: left out, it would test nothing.
        switch (bad[index] && shapes[index] !== 'twice' ? 'once' : shapes[index]) {
          case 'once':
            return [`${name}=${value}`];
          case 'twice':
            return [`${name}=${value}`, `${name}=${value}`];
          case 'bare':
            return [name];
          default:
            return [];
        }
      });
      return [...pairs, ...(extra ? [extra] : [])].join('&');
    });
}

function bodyOf(
  resolve: Resolve,
  schema: JsonSchema,
  known: KnownValues,
  mode: Mode,
): fc.Arbitrary<Pick<HostileRequest, 'body' | 'contentType'>> {
  const json = fc
    .record({
      value: validValue(resolve, schema, '', known, 0),
      pick: fc.nat(),
      fragment: hostileJson(''),
      dateFragment: hostileJson('date'),
      more: fc.array(fc.tuple(fc.nat(), hostileJson('')), { maxLength: 3 }),
    })
    .map(({ value, pick, fragment, dateFragment, more }) => {
      const slots = slotsOf(value);
      const fragments = new Map<string, string>();
      if (mode !== 'valid' && slots.length > 0) {
        const slot = slots[pick % slots.length]!;
        const last = slot[slot.length - 1];
        fragments.set(slotKey(slot), typeof last === 'string' && isDateName(last) ? dateFragment : fragment);
        if (mode === 'many') {
          for (const [where, other] of more) fragments.set(slotKey(slots[where % slots.length]!), other);
        }
      }
      return { body: jsonWith(value, fragments), contentType: 'application/json' };
    });
  if (mode === 'valid') return json;
  return fc.oneof(
    { weight: 12, arbitrary: json },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...HOSTILE_BODIES), fc.constantFrom('application/json', ...CONTENT_TYPES))
        .map(([text, contentType]) => ({ body: text, contentType })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(validValue(resolve, schema, '', known, 0), fc.constantFrom(...CONTENT_TYPES))
        .map(([value, contentType]) => ({
          body: JSON.stringify(value),
          contentType: contentType || undefined,
        })),
    },
    {
      // Bytes that are not UTF-8 where the JSON has a string.
      weight: 1,
      arbitrary: fc.constantFrom([0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80]).map((bytes) => ({
        body: Uint8Array.from([...Buffer.from('{"name":"'), ...bytes, ...Buffer.from('"}')]),
        contentType: 'application/json',
      })),
    },
  );
}

/** One line that says what was sent, short enough for a failure report. */
export function describeRequest(request: HostileRequest): string {
  const body =
    request.body === undefined
      ? ''
      : typeof request.body === 'string'
        ? ` ${request.contentType ?? '(no content type)'} ${JSON.stringify(request.body.slice(0, 500))}`
        : ` ${request.contentType} bytes ${Buffer.from(request.body).toString('hex')}`;
  return `${request.method} ${request.path.slice(0, 500)}${body}`;
}
