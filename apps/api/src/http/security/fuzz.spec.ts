import fc from 'fast-check';
import type { HTTPMethods, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppWithRouteTable, fixtures, signInCast, type Caller } from './cast';
import {
  ODD_CONTENT_TYPES,
  RAW_BODIES,
  RAW_URL_FRAGMENTS,
  jsonSchemaOf,
  mutated,
  percentEncode,
  validValuesOf,
  valueMutations,
  type GenerationContext,
  type Path,
  type ValueMutation,
} from './contract-arbitraries';
import { databaseFingerprinter } from './database-fingerprint';
import { isHeadOfGet, routeKey, type RegisteredRoute } from './route-table';

/**
 * Property-based fuzzing of every route's parameters, query, headers and body, generated from the zod contract,
 * sent by an anonymous caller and by signed-in ones (so validation is reached behind the auth checks):
 * - no answer is a 5xx;
 * - every 4xx is a problem document (`application/problem+json` with type, title, status, detail, code), with
 *   no stack trace or database message in it;
 * - a refused request changes nothing in the database.
 * Bounded: RUNS_PER_ROUTE requests a route, from a fixed seed (FUZZ_SEED to replay another; fast-check prints
 * the seed and path of a failure).
 */

const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_130);
const RUNS_PER_ROUTE = Number(process.env['FUZZ_RUNS'] ?? 30);
const FUZZ_CALLERS = ['anonymous', 'member', 'ownerTrainer', 'admin'] as const satisfies readonly Caller[];

const { t, routes } = await createAppWithRouteTable();
const cast = await signInCast(t.app, FUZZ_CALLERS);
const make = fixtures(t.app, cast);
// The account ids offered are bystanders': a valid role change must not turn a caller of this suite into
// another role half-way through it (its later requests would then be refused before reaching any validation).
const bystander = await make.account();
const creditPackage = await make.creditPackage();
const context: GenerationContext = {
  knownIds: [
    await make.template(),
    await make.draft(),
    await make.published(),
    await make.booking(),
    await make.bookingAtTheDoor(),
    await make.hold(),
    creditPackage,
    await make.purchase(creditPackage, 'pm_card_threeDSecure2Required'),
    bystander.id,
  ],
};
const fingerprintNow = await databaseFingerprinter(t.composition.database.db as unknown as Kysely<unknown>);
/**
 * The event engine runs in this process (no Redis): an accepted request's events are delivered a moment later
 * (a hold's expiry job scheduled, a cancelled class's bookings cancelled). Settled first, that work is not taken
 * for the change of a later, refused request.
 */
const fingerprint = async () => {
  await t.composition.events?.settle();
  return fingerprintNow();
};

/** HEAD twins run their GET's hooks and handler, and answer without a body: their GET is fuzzed instead. */
const fuzzed = routes.filter((route) => !isHeadOfGet(route, routes));

interface FuzzRequest {
  method: HTTPMethods;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

type SchemaPart = 'params' | 'querystring' | 'headers' | 'body';

/** Spoiling the request itself rather than a value in it. */
type RequestMutation =
  | { kind: 'none' }
  | { kind: 'rawBody'; text: string }
  | { kind: 'contentType'; contentType: string | undefined }
  | { kind: 'rawParam'; pick: number; fragment: string }
  | { kind: 'rawQuery'; key: string; fragment: string };

const requestMutations: fc.Arbitrary<RequestMutation> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 8 },
  fc.record({ kind: fc.constant('rawBody' as const), text: fc.constantFrom(...RAW_BODIES) }),
  fc.record({ kind: fc.constant('contentType' as const), contentType: fc.constantFrom(...ODD_CONTENT_TYPES) }),
  fc.record({ kind: fc.constant('rawParam' as const), pick: fc.nat(), fragment: fc.constantFrom(...RAW_URL_FRAGMENTS) }),
  fc.record({ kind: fc.constant('rawQuery' as const), key: fc.constantFrom('q', 'page', 'id', 'from'), fragment: fc.constantFrom(...RAW_URL_FRAGMENTS) }),
);

/**
 * The arbitrary of one route's requests: a request the contract accepts, by one of the callers, with at most one
 * thing spoiled (a value in its parameters, query, headers or body, or the request itself), so that the spoiled
 * part is what reaches the code behind validation. Throws CannotGenerate when the contract has a schema it
 * cannot feed.
 */
function requestsOf(route: RegisteredRoute): fc.Arbitrary<{ request: FuzzRequest; caller: Caller; unstorableField: string | null }> {
  const schema = (route.schema ?? {}) as Partial<Record<SchemaPart, unknown>>;
  const valid = (name: SchemaPart) => (schema[name] === undefined ? fc.constant(undefined) : validValuesOf(jsonSchemaOf(schema[name]), context));
  // Routes without a query schema still get one to spoil: a stray query must not hurt them either.
  const spoilable: SchemaPart[] = ['params', 'headers', 'body'].filter((name) => schema[name as SchemaPart] !== undefined) as SchemaPart[];
  spoilable.push('querystring');
  return fc
    .record({
      caller: fc.constantFrom(...FUZZ_CALLERS),
      parts: fc.record({ params: valid('params'), querystring: valid('querystring'), headers: valid('headers'), body: valid('body') }),
      target: fc.constantFrom(...spoilable),
      valueMutation: valueMutations,
      requestMutation: requestMutations,
    })
    .map(({ caller, parts, target, valueMutation, requestMutation }) => {
      const spoilt: Record<SchemaPart, unknown> = { ...parts, querystring: parts.querystring ?? {} };
      const mutation = mutated(spoilt[target], valueMutation);
      spoilt[target] = mutation.value;
      const body = bodyOf(route, spoilt.body, requestMutation);
      const search = [...queryPairs(spoilt.querystring), ...(requestMutation.kind === 'rawQuery' ? [`${requestMutation.key}=${requestMutation.fragment}`] : [])];
      const path = pathOf(route.url, spoilt.params, requestMutation);
      return {
        caller,
        request: {
          method: route.method as HTTPMethods,
          url: search.length > 0 ? `${path}?${search.join('&')}` : path,
          headers: { ...headerValues(spoilt.headers), ...cast.headers[caller], ...(body && body.contentType ? { 'content-type': body.contentType } : {}) },
          ...(body ? { payload: body.text } : {}),
        },
        unstorableField: unstorableField(target, valueMutation, requestMutation, mutation.spoilt),
      };
    });
}

/**
 * The field that carries a NUL or an unpaired surrogate when that is the one thing wrong with the request, as the
 * problem's `errors` name it (`repeat.until`); such a request must be refused with 400 VALIDATION_FAILED naming
 * it. Bodies and queries only: a header cannot carry these characters, a path parameter's bad encoding is
 * INVALID_URL, and an unpaired surrogate has no percent-encoding at all (it arrives as invalid UTF-8).
 */
function unstorableField(target: SchemaPart, value: ValueMutation, request: RequestMutation, spoilt: Path | undefined): string | null {
  if (value.kind !== 'unstorable' || request.kind !== 'none' || spoilt === undefined) return null;
  if (target === 'body' || (target === 'querystring' && value.char === '\u0000')) return spoilt.join('.');
  return null;
}

/** The route's path with each `:param` (and a `*`) filled in and percent-encoded, or one of them raw and bad. */
function pathOf(url: string, params: unknown, mutation: RequestMutation): string {
  const given = isPlainObject(params) ? params : {};
  const count = [...url.matchAll(/:\w+|\*/g)].length;
  let index = 0;
  return url.replace(/:(\w+)|\*/g, (_match, name: string | undefined) => {
    const here = index;
    index += 1;
    if (mutation.kind === 'rawParam' && mutation.pick % count === here) return mutation.fragment;
    const value = given[name ?? '*'];
    return percentEncode(value === undefined ? (name === undefined ? 'swagger-ui.css' : '') : scalarText(value));
  });
}

/** The JSON of the body (a body for routes without a body schema only when spoilt), with its content type. */
function bodyOf(route: RegisteredRoute, body: unknown, mutation: RequestMutation): { text: string; contentType: string | undefined } | null {
  const takesBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method);
  if (mutation.kind === 'rawBody' && takesBody) return { text: mutation.text, contentType: 'application/json' };
  if (body === undefined) return null;
  return { text: JSON.stringify(body), contentType: mutation.kind === 'contentType' ? mutation.contentType : 'application/json' };
}

function queryPairs(query: unknown): string[] {
  if (query === undefined || query === null) return [];
  if (!isPlainObject(query)) return [percentEncode(scalarText(query))];
  return Object.entries(query).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).filter((one) => one !== undefined).map((one) => `${percentEncode(key)}=${percentEncode(scalarText(one))}`),
  );
}

/** Header values must be HTTP text: anything else goes percent-encoded, as a client library would send it. */
function headerValues(headers: unknown): Record<string, string> {
  if (!isPlainObject(headers)) return {};
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name, value]) => value !== undefined && /^[a-z0-9-]+$/i.test(name))
      .map(([name, value]) => {
        const text = scalarText(value);
        return [name, /^[\t\x20-\x7e]*$/.test(text) ? text : percentEncode(text)];
      }),
  );
}

const scalarText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Database errors and stack frames that must never reach a client. */
const LEAKS = /\n\s+at \S|invalid byte sequence|unsupported Unicode escape|violates .* constraint|syntax error at or near|relation ".*"|node_modules/i;

/** What is wrong with one answer, for the failure message; empty when it keeps the contract. */
function breachesOf(response: LightMyRequestResponse, method: string): string[] {
  const status = response.statusCode;
  if (status >= 500) return [`answered ${status}: ${response.body.slice(0, 300)}`];
  if (status < 400 || method === 'HEAD') return [];
  const breaches: string[] = [];
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
    breaches.push(`${status} as ${response.headers['content-type']}, not application/problem+json: ${response.body.slice(0, 200)}`);
    return breaches;
  }
  const problem = response.json() as Record<string, unknown>;
  for (const field of ['type', 'title', 'detail', 'code']) {
    if (typeof problem[field] !== 'string' || problem[field] === '') breaches.push(`${status} problem without a ${field}`);
  }
  if (problem['status'] !== status) breaches.push(`${status} problem says status ${String(problem['status'])}`);
  if (typeof problem['code'] === 'string' && !/^[A-Z][A-Z0-9_]*$/.test(problem['code'])) breaches.push(`code ${problem['code']} is not UPPER_SNAKE`);
  if (LEAKS.test(response.body)) breaches.push(`${status} leaks internals: ${response.body.slice(0, 300)}`);
  return breaches;
}

/** Signed-in checks run before validation; past them, unstorable text is a 400 VALIDATION_FAILED naming its field. */
function unstorableBreaches(response: LightMyRequestResponse, field: string | null): string[] {
  if (field === null || [401, 403].includes(response.statusCode)) return [];
  const problem = response.statusCode === 400 ? (response.json() as { code?: string; errors?: { path: string }[] }) : {};
  const named = problem.code === 'VALIDATION_FAILED' && (problem.errors ?? []).some((error) => error.path === field);
  return named ? [] : [`unstorable text in ${field} answered ${response.statusCode}, not 400 VALIDATION_FAILED naming it: ${response.body.slice(0, 200)}`];
}

/** A readable name for a request in a failure: long values shortened. */
function described(request: FuzzRequest, caller: Caller): string {
  const short = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text);
  return `${caller}: ${request.method} ${short(request.url)} ${request.payload === undefined ? '' : short(JSON.stringify(request.payload))}`;
}

describe('fuzzing every route from the contract', () => {
  afterAll(() => t.close());

  it('can generate requests for every route of the app', () => {
    const refusals = fuzzed.flatMap((route) => {
      try {
        fc.sample(requestsOf(route), { numRuns: 1, seed: SEED });
        return [];
      } catch (error) {
        return [`${routeKey(route)}: ${(error as Error).message}`];
      }
    });
    expect(fuzzed.length).toBeGreaterThan(0);
    expect(refusals).toEqual([]);
  });

  it.each(fuzzed.map((route) => [routeKey(route), route] as const))('%s keeps the contract whatever it is sent', async (_key, route) => {
    const requests = requestsOf(route);
    let before = await fingerprint();
    const run = await fc.check(
      fc.asyncProperty(requests, async ({ request, caller, unstorableField }) => {
        const response = await t.app.inject(request);
        const breaches = [...breachesOf(response, request.method), ...unstorableBreaches(response, unstorableField)];
        if (response.statusCode >= 400 && response.statusCode < 500) {
          const after = await fingerprint();
          const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
          if (changed.length > 0) breaches.push(`refused with ${response.statusCode}, yet changed ${changed.join(', ')}`);
          before = after;
        } else {
          before = await fingerprint();
        }
        if (breaches.length > 0) throw new Error(`${described(request, caller)}\n  ${breaches.join('\n  ')}`);
      }),
      { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
    );
    // Our own report: fast-check's would print the whole counterexample, tokens and 70 kB strings included.
    if (run.failed) {
      const cause = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
      throw new Error(`${cause}\n(request ${run.numRuns}, seed ${run.seed}, path ${run.counterexamplePath}; FUZZ_SEED=${run.seed} replays the run)`);
    }
  });
});
