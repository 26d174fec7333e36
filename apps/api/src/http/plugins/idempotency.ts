import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { workingUnder } from '../../infrastructure/idempotency/idempotent-unit-of-work';
import type { IdempotencyClaim, KyselyIdempotencyStore, StoredAnswer } from '../../infrastructure/idempotency/kysely-idempotency-store';
import { HttpProblem } from '../problem';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Honours `Idempotency-Key` (Stripe's model): the route's first answer to a caller's key is stored and given
     * again to every retry. For every `POST` that moves spots or money; the route must be authenticated, declare
     * `headers: idempotentHeadersSchema`, and run one `IdempotentUnitOfWork`.
     */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    /** Set while this request holds its idempotency key. */
    idempotencyClaim: IdempotencyClaim | null;
  }
}

export interface IdempotencyOptions {
  store: KyselyIdempotencyStore;
  /** How long a retry waits for the first request with its key to answer before 409 IDEMPOTENCY_IN_PROGRESS. */
  waitMs?: number;
}

const KEY_HEADER = 'idempotency-key';
/** The headers of the first answer that a replay carries too (others are set afresh on every answer). */
const REPLAYED_HEADERS = ['content-type', 'location', 'retry-after'];

/** `config: { idempotent: true }` on a route: one line, one mechanism for every such route. */
export const idempotencyPlugin = fp(
  async (app: FastifyInstance, { store, waitMs = 10_000 }: IdempotencyOptions) => {
    app.decorateRequest('idempotencyClaim', null);

    const claimOrReplay = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
      const key = request.headers[KEY_HEADER];
      if (typeof key !== 'string') return undefined; // without the header the route works as it always did
      const scope = { userId: request.user.userId, key };
      const fingerprint = fingerprintOf(request);
      const deadline = Date.now() + waitMs;
      for (let pause = 20; ; pause = Math.min(pause * 2, 400)) {
        const outcome = await store.claim(scope, fingerprint);
        if (outcome.kind === 'claimed') {
          request.idempotencyClaim = outcome.claim;
          return undefined;
        }
        if (outcome.kind === 'answered') return replay(reply, outcome.answer);
        if (outcome.kind === 'mismatch') {
          throw new HttpProblem('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was first sent with a different request. Use a new key for a new request.');
        }
        if (Date.now() + pause > deadline) {
          throw new HttpProblem('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still running. Retry in a moment.', { retryAfterSeconds: 1 });
        }
        await sleep(pause);
      }
    };

    const storeFirstAnswer = async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
      const claim = request.idempotencyClaim;
      if (!claim) return payload;
      request.idempotencyClaim = null;
      try {
        // A server failure or a rate limit is no answer to the request: let the client retry it.
        if (reply.statusCode >= 500 || reply.statusCode === 429 || typeof payload !== 'string') await store.release(claim);
        else await store.complete(claim, { status: reply.statusCode, headers: replayedHeadersOf(reply), body: payload });
      } catch (error) {
        // The answer still goes out. The key stays claimed until its lease runs out; then a retry gets the
        // recorded change's result, or runs afresh if nothing changed.
        request.log.error({ err: error }, 'could not store the answer to an idempotency key');
      }
      return payload;
    };

    app.addHook('onRoute', (route: RouteOptions) => {
      if (!route.config?.idempotent) return;
      assertDeclaresKeyHeader(route);
      route.preHandler = [...asArray(route.preHandler), claimOrReplay];
      route.onSend = [...asArray(route.onSend), storeFirstAnswer];
      const handler = route.handler;
      route.handler = function (this: FastifyInstance, request, reply) {
        const claim = request.idempotencyClaim;
        return claim ? workingUnder(claim, () => handler.call(this, request, reply)) : handler.call(this, request, reply);
      };
    });
  },
  { name: 'idempotency', dependencies: ['authentication'] },
);

function replay(reply: FastifyReply, answer: StoredAnswer): FastifyReply {
  // A string body with its content type is sent as it is: byte for byte the first answer.
  return reply.code(answer.status).headers({ ...answer.headers, 'idempotent-replayed': 'true' }).send(answer.body);
}

function replayedHeadersOf(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}

/** SHA-256 of the request as the route understood it: method, route, params, query and body, keys sorted. */
export function fingerprintOf(request: Pick<FastifyRequest, 'method' | 'routeOptions' | 'params' | 'query' | 'body'>): string {
  const canonical = canonicalJson({
    method: request.method,
    route: request.routeOptions.url ?? '',
    params: request.params ?? {},
    query: request.query ?? {},
    body: request.body ?? null,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/** JSON with every object's keys in code-point order, so equal requests give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** The header must be in the route's schema, so the OpenAPI document tells clients about it. */
function assertDeclaresKeyHeader(route: RouteOptions): void {
  const headers = route.schema?.headers as { shape?: Record<string, unknown> } | undefined;
  if (!headers?.shape || !(KEY_HEADER in headers.shape)) {
    throw new Error(`${route.method} ${route.url} is idempotent but its schema does not declare the ${KEY_HEADER} header`);
  }
}

function asArray<T>(hooks: T | T[] | undefined): T[] {
  if (hooks === undefined) return [];
  return Array.isArray(hooks) ? hooks : [hooks];
}
