import fc from 'fast-check';
import { z } from 'zod';

/**
 * fast-check arbitraries of request parts generated from the zod contract (through `z.toJSONSchema`): values the
 * schema accepts, mixed with hostile ones (wrong types, huge numbers, NUL bytes, unpaired surrogates, very long
 * strings, bad UUIDs and instants, extra fields). A schema this module does not understand throws
 * `CannotGenerate`, so a route the fuzzer cannot feed fails the suite instead of going untested.
 */

export class CannotGenerate extends Error {}

type JsonSchema = Record<string, unknown>;

/** Keywords that describe rather than constrain: safe to ignore when generating. */
const ANNOTATIONS = new Set(['$schema', '$id', 'id', 'title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly']);
const UNDERSTOOD = new Set([
  ...ANNOTATIONS,
  '$ref',
  '$defs',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'enum',
  'const',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'items',
  'minItems',
  'maxItems',
  'anyOf',
  'oneOf',
]);

export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\udfff\ud800',
  '\u202eevil',
  '\r\nX-Injected: 1',
  '😀'.repeat(60),
  'x'.repeat(5_000),
  'y'.repeat(70_000),
  "' OR '1'='1",
  '"; drop table users; --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e309',
  'true',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '6F9619FF-8B86-D011-B42D-00C04FC964FF',
  '6f9619ff-8b86-4011-b42d-00c04fc964ff\u0000',
  '{6f9619ff-8b86-4011-b42d-00c04fc964ff}',
  '2026-02-30T07:00:00Z',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '2026-12-01T07:00:00+99:00',
  '2026-12-01T07:00:00.1234567890123Z',
  '2026-12-01',
  '1970-01-01T00:00:00Z',
];

export const HOSTILE_NUMBERS = [-1, 0, -0, 0.5, 1.5, 2 ** 31, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 1e308, -1e308, Number.MIN_VALUE];

const hostileAny: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, [], {}, [null], { $gt: '' }, JSON.parse('{"__proto__": {"role": "admin"}}')),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** Fields a hostile client adds, hoping one of them is read. */
const EXTRA_KEYS = ['extra', 'role', 'isAdmin', '__proto__', 'id', 'trainerId', 'userId', 'status'];

/** The JSON Schema of a zod schema (as the route receives it) or a route's plain JSON Schema. */
export function jsonSchemaOf(schema: unknown): JsonSchema {
  if (schema && typeof schema === 'object' && '_zod' in schema) {
    return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'throw' }) as JsonSchema;
  }
  if (schema && typeof schema === 'object') return schema as JsonSchema;
  throw new CannotGenerate(`not a schema: ${String(schema)}`);
}

export interface GenerationContext {
  /** Ids of real resources: a UUID field is sometimes one of them, so requests reach past "not found". */
  knownIds: readonly string[];
}

/**
 * Values the top-level object schema `root` (body, query, params or headers) accepts, as far as JSON Schema can
 * tell; `mutations` then makes one part of a request hostile, so the rest still passes and the hostile part is
 * what reaches the code behind validation.
 */
export function validValuesOf(root: JsonSchema, context: GenerationContext): fc.Arbitrary<unknown> {
  const defs = (root['$defs'] ?? {}) as Record<string, JsonSchema>;
  const resolve = (node: JsonSchema): JsonSchema => {
    const ref = node['$ref'];
    if (typeof ref !== 'string') return node;
    const name = ref.replace(/^#\/\$defs\//, '');
    const target = defs[name];
    if (!target) throw new CannotGenerate(`unresolved $ref ${ref}`);
    return resolve(target);
  };

  const generate = (raw: JsonSchema, path: string): fc.Arbitrary<unknown> => {
    const node = resolve(raw);
    const unknown = Object.keys(node).filter((key) => !UNDERSTOOD.has(key));
    if (unknown.length > 0) throw new CannotGenerate(`${path || 'root'}: cannot generate for ${unknown.join(', ')}`);
    return valid(node, path);
  };

  const valid = (node: JsonSchema, path: string): fc.Arbitrary<unknown> => {
    if (node['anyOf'] || node['oneOf']) {
      const options = (node['anyOf'] ?? node['oneOf']) as JsonSchema[];
      return fc.oneof(...options.map((option, index) => generate(option, `${path}|${index}`)));
    }
    if ('const' in node) return fc.constant(node['const']);
    if (Array.isArray(node['enum'])) return fc.constantFrom(...(node['enum'] as unknown[]));
    const type = node['type'];
    if (Array.isArray(type)) return fc.oneof(...type.map((one) => valid({ ...node, type: one }, path)));
    switch (type) {
      case 'string':
        return validString(node, context, path);
      case 'integer':
        return fc.integer({ min: bound(node, 'minimum', -1e6), max: bound(node, 'maximum', 1e6) });
      case 'number':
        return fc.double({ min: bound(node, 'minimum', -1e6), max: bound(node, 'maximum', 1e6), noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        const items = node['items'];
        if (!items || typeof items !== 'object' || Array.isArray(items)) throw new CannotGenerate(`${path}: array without one items schema`);
        const minLength = Number(node['minItems'] ?? 0);
        return fc.array(generate(items as JsonSchema, `${path}[]`), { minLength, maxLength: Math.min(Number(node['maxItems'] ?? 8), minLength + 8) });
      }
      case 'object':
        return validObject(node, path);
      default:
        throw new CannotGenerate(`${path || 'root'}: cannot generate for type ${String(type)}`);
    }
  };

  const validObject = (node: JsonSchema, path: string): fc.Arbitrary<unknown> => {
    const properties = (node['properties'] ?? {}) as Record<string, JsonSchema>;
    const required = new Set((node['required'] ?? []) as string[]);
    const model = Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, generate(schema, path ? `${path}.${key}` : key)]));
    return fc.record(model, { requiredKeys: [...required].filter((key) => key in model) });
  };

  return generate(root, '');
}

function bound(node: JsonSchema, key: 'minimum' | 'maximum', fallback: number): number {
  const exclusive = node[key === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'];
  if (typeof exclusive === 'number') return key === 'minimum' ? exclusive + 1 : exclusive - 1;
  const value = node[key];
  return typeof value === 'number' ? Math.max(Math.min(value, 1e9), -1e9) : fallback;
}

const SOON = Date.now() + 2 * 86_400_000;
const YEAR = 365 * 86_400_000;

function validString(node: JsonSchema, context: GenerationContext, path: string): fc.Arbitrary<string> {
  const minLength = Number(node['minLength'] ?? 0);
  const maxLength = Number(node['maxLength'] ?? minLength + 40);
  switch (node['format']) {
    case 'uuid':
      return context.knownIds.length > 0 ? fc.oneof(fc.uuid(), { arbitrary: fc.constantFrom(...context.knownIds), weight: 3 }) : fc.uuid();
    case 'date-time':
      // Mostly the coming months, where classes can be scheduled; sometimes years away on either side.
      return fc
        .tuple(
          fc.oneof({ arbitrary: fc.integer({ min: SOON, max: SOON + YEAR / 4 }), weight: 3 }, fc.integer({ min: SOON - 3 * YEAR, max: SOON + 3 * YEAR })),
          fc.constantFrom('Z', 'Z', '+02:00', '-05:30'),
        )
        .map(([ms, zone]) => instantIn(Math.floor(ms / 60_000) * 60_000, zone));
    case 'date':
      return fc.integer({ min: SOON - YEAR, max: SOON + 3 * YEAR }).map((ms) => new Date(ms).toISOString().slice(0, 10));
    case 'email':
      // Plain addresses pass any validator, so the request gets past the email; RFC oddities now and then.
      return fc.oneof(
        { arbitrary: fc.stringMatching(/^[a-z0-9]{1,20}$/).map((local) => `${local}@example.test`), weight: 3 },
        fc.emailAddress().filter((email) => email.length <= maxLength),
      );
    case undefined:
      break;
    default:
      if (typeof node['pattern'] !== 'string') throw new CannotGenerate(`${path}: cannot generate for format ${String(node['format'])}`);
  }
  if (typeof node['pattern'] === 'string') return fc.stringMatching(new RegExp(node['pattern'] as string)).filter((s) => s.length <= maxLength);
  const lengths = { minLength, maxLength: Math.min(maxLength, minLength + 40) };
  return fc.oneof(fc.string(lengths), fc.string({ ...lengths, unit: 'grapheme' }));
}

function instantIn(ms: number, zone: string): string {
  if (zone === 'Z') return new Date(ms).toISOString();
  const sign = zone.startsWith('-') ? -1 : 1;
  const [hours, minutes] = zone.slice(1).split(':').map(Number);
  const offsetMs = sign * ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000;
  return new Date(ms + offsetMs).toISOString().replace('Z', zone);
}

/** Raw text for a URL: bad percent-encoding, encoded NULs, traversal. Placed as is, never encoded again. */
export const RAW_URL_FRAGMENTS = ['%', '%zz', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%00', '%FF%FE', '..%2F..%2F', '%2e%2e', '%25', '%u0041', '%0d%0a'];

/**
 * Percent-encodes like encodeURIComponent, but never throws: an unpaired surrogate, which has no UTF-8 form, goes
 * out as the three bytes of its CESU-8 form (invalid UTF-8), as a hostile client would send it.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

/** Body text that is not the JSON of an object: broken, deep, huge, or another JSON type. */
export const RAW_BODIES = [
  '',
  'not json',
  '{"name": ',
  '[]',
  'null',
  '"text"',
  '1e999',
  '{"__proto__": {"role": "admin"}}',
  '{"constructor": {"prototype": {"role": "admin"}}}',
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  JSON.stringify({ padding: 'p'.repeat(70_000) }),
  '{"a": "\\ud800", "b": "\\u0000"}',
  '\u0000',
];

/** Content types other than plain `application/json`, for a JSON body. */
export const ODD_CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/problem+json',
  undefined,
];

/** One way to spoil a valid value: a hostile leaf, an unstorable character in a string, a field dropped or added. */
export type ValueMutation =
  | { kind: 'none' }
  | { kind: 'hostileLeaf'; pick: number; value: unknown }
  | { kind: 'unstorable'; pick: number; char: string; at: number }
  | { kind: 'dropField'; pick: number }
  | { kind: 'extraFields'; fields: Record<string, unknown> }
  | { kind: 'hostileWhole'; value: unknown };

export const valueMutations: fc.Arbitrary<ValueMutation> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('hostileLeaf' as const), pick: fc.nat(), value: hostileAny }), weight: 3 },
  {
    arbitrary: fc.record({ kind: fc.constant('unstorable' as const), pick: fc.nat(), char: fc.constantFrom('\u0000', '\ud800', '\udfff'), at: fc.nat() }),
    weight: 3,
  },
  fc.record({ kind: fc.constant('dropField' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('extraFields' as const), fields: fc.dictionary(fc.constantFrom(...EXTRA_KEYS), hostileAny, { minKeys: 1, maxKeys: 2 }) }),
  fc.record({ kind: fc.constant('hostileWhole' as const), value: hostileAny }),
);

export type Path = (string | number)[];

/** `value` with `mutation` applied (a copy; `value` stays as it was), and the path of the field it spoilt. */
export function mutated(value: unknown, mutation: ValueMutation): { value: unknown; spoilt?: Path } {
  const copy = structuredClone(value);
  switch (mutation.kind) {
    case 'none':
      return { value: copy };
    case 'hostileWhole':
      return { value: mutation.value };
    case 'extraFields':
      return { value: isRecord(copy) ? { ...mutation.fields, ...copy } : copy };
    case 'hostileLeaf': {
      const leaves = pathsIn(copy, (node) => !isRecord(node) && !Array.isArray(node));
      if (leaves.length === 0) return { value: mutation.value };
      const spoilt = pick(leaves, mutation.pick);
      return { value: replaced(copy, spoilt, () => mutation.value), spoilt };
    }
    case 'unstorable': {
      const strings = pathsIn(copy, (node) => typeof node === 'string');
      if (strings.length === 0) return { value: copy };
      const spoilt = pick(strings, mutation.pick);
      const value = replaced(copy, spoilt, (text) => {
        const at = mutation.at % (String(text).length + 1);
        return `${String(text).slice(0, at)}${mutation.char}${String(text).slice(at)}`;
      });
      return { value, spoilt };
    }
    case 'dropField': {
      const fields = pathsIn(copy, () => true).filter((path) => typeof path.at(-1) === 'string');
      if (fields.length === 0) return { value: copy };
      const spoilt = pick(fields, mutation.pick);
      delete parentOf(copy, spoilt)[spoilt.at(-1) as string];
      return { value: copy, spoilt };
    }
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const pick = <T>(items: readonly T[], index: number): T => items[index % items.length] as T;

/** The paths (below the root) of every node for which `test` holds. */
function pathsIn(value: unknown, test: (node: unknown) => boolean, path: Path = []): Path[] {
  const here = path.length > 0 && test(value) ? [path] : [];
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : isRecord(value)
      ? Object.entries(value)
      : [];
  return [...here, ...children.flatMap(([key, child]) => pathsIn(child, test, [...path, key]))];
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> {
  return path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root) as Record<string | number, unknown>;
}

function replaced(root: unknown, path: Path, replace: (old: unknown) => unknown): unknown {
  const parent = parentOf(root, path);
  const key = path.at(-1) as string | number;
  parent[key] = replace(parent[key]);
  return root;
}
