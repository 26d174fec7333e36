import fastJson from 'fast-json-stringify';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/** Keywords that only validate: the data of a response is ours and already typed, so serialising ignores them. */
const VALIDATION_ONLY = new Set([
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'enum',
  'const',
  'default',
  'description',
  'title',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'id',
  '$id',
  '$schema',
]);

const isSchema = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The shape of a response as fast-json-stringify needs it: types, properties, required properties and array items;
 * `anyOf [T, null]` (zod's `.nullable()`) becomes `T` with `nullable: true`. Any other combinator, `$ref` or keyword
 * the serializer would need a validator for is refused when the route is built, so a change of the contract that
 * this serializer cannot follow fails at start-up (and in the tests), never in an answer.
 */
export function serializationSchema(schema: JsonSchema, path = '#'): JsonSchema {
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (VALIDATION_ONLY.has(key)) continue;
    switch (key) {
      case 'type':
      case 'required':
      case 'additionalProperties':
        result[key] = isSchema(value) ? serializationSchema(value, `${path}/${key}`) : value;
        break;
      case 'properties':
        result[key] = Object.fromEntries(
          Object.entries(value as Record<string, JsonSchema>).map(([name, property]) => [name, serializationSchema(property, `${path}/properties/${name}`)]),
        );
        break;
      case 'items':
        if (!isSchema(value)) throw new Error(`${path}/items: only a single items schema can be compiled`);
        result[key] = serializationSchema(value, `${path}/items`);
        break;
      case 'anyOf': {
        const branches = value as JsonSchema[];
        const nonNull = branches.filter((branch) => branch['type'] !== 'null');
        const [only] = nonNull;
        if (!only || nonNull.length !== 1 || branches.length !== 2) throw new Error(`${path}: only anyOf [T, null] can be compiled`);
        Object.assign(result, serializationSchema(only, `${path}/anyOf`), { nullable: true });
        break;
      }
      default:
        throw new Error(`${path}: the keyword "${key}" cannot be compiled into a serializer`);
    }
  }
  return result;
}

/**
 * A route's response serializer compiled with fast-json-stringify from the JSON Schema of its zod response schema:
 * the same JSON text as fastify-type-provider-zod's serializer (properties in schema order, unknown properties
 * dropped, `undefined` optional properties left out), without running zod on every answer, which cost the schedule
 * more CPU than the rest of the request. The route keeps its zod schema, so OpenAPI shows it unchanged.
 *
 * The trade: zod's serializer also validated the answer (a malformed uuid or instant became a 500). This one
 * checks only that required properties are present and that numbers are finite; use it on routes whose answer
 * comes straight from a typed finder, and pin its output against the zod serializer in a test.
 */
export function compiledSerializerCompiler({ schema, url }: { schema: unknown; url?: string }): (data: unknown) => string {
  if (!(schema instanceof z.ZodType)) throw new Error(`${url ?? 'a route'}: the compiled serializer needs a zod response schema`);
  const jsonSchema = z.toJSONSchema(schema, { io: 'output', reused: 'inline', metadata: z.registry(), unrepresentable: 'throw' });
  return fastJson(serializationSchema(jsonSchema as JsonSchema) as unknown as Parameters<typeof fastJson>[0], { rounding: 'trunc' });
}
