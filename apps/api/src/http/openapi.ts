import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { problemSchema } from '@fitflow/api-contract';

/** OpenAPI `security` of a route that needs a signed-in caller. */
export const bearer = [{ bearerAuth: [] }];
/** Anonymous or signed in (an empty requirement makes the bearer optional). */
export const optionalBearer: { [scheme: string]: string[] }[] = [{}, { bearerAuth: [] }];

/** What each problem status means to a client; the operation's description names its own codes. */
const PROBLEM_DESCRIPTIONS = {
  400:
    'The request is not valid: VALIDATION_FAILED, with `errors` naming each field; INVALID_BODY, INVALID_URL or ' +
    'BAD_REQUEST for a body, address or header the server cannot read.',
  401:
    'UNAUTHENTICATED: the bearer token is missing, invalid or expired, its account no longer exists, or the password ' +
    'changed after it was issued (on sign-in routes: INVALID_CREDENTIALS, INVALID_REFRESH_TOKEN).',
  402: 'Payment required: INSUFFICIENT_CREDITS, CREDITS_EXPIRED or PAYMENT_FAILED.',
  403: 'FORBIDDEN: signed in, but this role may not do this.',
  404: 'NOT_FOUND: no such resource, or one the caller may not see.',
  409: 'Conflicts with the current state of the resource: the `code` says how (see the operation).',
  410: 'HOLD_EXPIRED: the hold expired or was released.',
  413: 'PAYLOAD_TOO_LARGE: the body is over 64 KiB.',
  415: 'UNSUPPORTED_MEDIA_TYPE: send the body as application/json.',
  422: 'IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was first used for a different request.',
  429: 'RATE_LIMITED: too many attempts; the Retry-After header says how many seconds to wait.',
  503: 'UNAVAILABLE: a service FitFlow depends on (the payment service) did not answer; retry with the same Idempotency-Key.',
};

export type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS;

interface ProblemResponse {
  description: string;
  content: { 'application/problem+json': { schema: typeof problemSchema } };
}

/**
 * Route `response` entries for the problem documents (RFC 9457) an operation may answer, by status, with the
 * contract's `Problem` schema: `response: { 200: bookingSchema, ...problemResponses(400, 401, 404) }`. Fastify also
 * serialises the error handler's `application/problem+json` answers of these statuses with this schema.
 */
export function problemResponses<S extends ProblemStatus>(...statuses: S[]): Record<S, ProblemResponse> {
  const responses = {} as Record<S, ProblemResponse>;
  const content = { 'application/problem+json': { schema: problemSchema } };
  for (const status of statuses) responses[status] = { description: PROBLEM_DESCRIPTIONS[status], content };
  return responses;
}

interface OpenApiDocument {
  components?: { schemas?: Record<string, unknown> };
}

const SCHEMA_REF = '#/components/schemas/';

/** Names of the component schemas that `node` refers to with `$ref`. */
function referencedSchemas(node: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) referencedSchemas(item, found);
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      const isSchemaRef = key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_REF);
      if (isSchemaRef) found.add(value.slice(SCHEMA_REF.length));
      else referencedSchemas(value, found);
    }
  }
  return found;
}

/**
 * The document without the component schemas no operation uses: the zod registry yields an input and an output
 * variant of every named schema, and outside tools (Redocly's `no-unused-components`) flag the half nobody uses.
 */
export function withoutUnusedSchemas<D extends OpenApiDocument>(document: D): D {
  const { components, ...rest } = document;
  const schemas = components?.schemas ?? {};
  const used = referencedSchemas(rest);
  for (const name of used) referencedSchemas(schemas[name], used); // Set iteration visits names added meanwhile.
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...components, schemas: kept } };
}

/** `@fastify/swagger` options: the OpenAPI 3.1 document at `/docs/json`, generated from the routes' zod schemas. */
export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'FitFlow API',
      version: '1.0.0',
      description: 'Class booking for fitness studios. Errors are RFC 9457 problem details (application/problem+json).',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'The server that serves this document' }],
    tags: [
      { name: 'health', description: 'Liveness and readiness of the process, for load balancers and orchestrators.' },
      { name: 'studio', description: 'The studio: name, time zone, currency and policies.' },
      { name: 'auth', description: 'Registration, sign-in, token refresh and sign-out; the signed-in account.' },
      { name: 'users', description: 'Trainers for everyone; accounts and roles for admins.' },
      { name: 'templates', description: 'Class templates, managed by trainers (their own) and admins.' },
      { name: 'sessions', description: 'The schedule: class sessions, read by anyone, written by trainers and admins.' },
      { name: 'bookings', description: 'Booking a spot in a session, and a member’s own bookings.' },
      { name: 'holds', description: 'Holding a spot while deciding, then confirming it into a booking or giving it back.' },
      { name: 'credits', description: 'Credit packages, buying them by card, a member’s balance and history, and admins’ corrections.' },
      { name: 'payments', description: 'Stripe’s webhook, which finishes purchases whose payment is decided after the request.' },
      { name: 'attendance', description: 'Check-in at the door (by button or by the member’s QR code), rosters, no-shows and attendance reports.' },
    ],
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
  },
  transform: jsonSchemaTransform,
  transformObject: (document) => {
    const generated = jsonSchemaTransformObject(document);
    return withoutUnusedSchemas(generated as OpenApiDocument) as typeof generated;
  },
};
