import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

type HelmetMiddleware = ReturnType<typeof helmet>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Helmet's headers, for answers sent outside the request lifecycle (framework errors). */
    securityHeaders: Record<string, string>;
  }
}

/**
 * The headers a helmet middleware sets, computed once. Helmet's headers depend only on its options (as long as no
 * CSP directive is a function of the request, which ours are not), so they are the same on every answer; running
 * the middleware once at start-up, on a response that only records them, gives exactly that set.
 */
export function helmetHeaders(middleware: HelmetMiddleware): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  middleware({} as never, recorder as never, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw new Error('helmet refused its options', { cause: failure });
  return headers;
}

/**
 * Helmet's security headers on every answer, API and SPA alike. `@fastify/helmet` built a new helmet middleware
 * (parsing the whole CSP again) on every request, which cost the schedule several percent of its CPU; these
 * headers are static, so they are computed at start-up and set in one step. Options are helmet's, static values
 * only (a per-request CSP nonce would need the middleware per request again).
 */
export const securityHeadersPlugin = fp(
  async (app: FastifyInstance, options: HelmetOptions) => {
    const headers = helmetHeaders(helmet(options));
    app.decorate('securityHeaders', headers);
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: 'security-headers' },
);

/**
 * `Cache-Control: no-store` on every answer to a caller who shows a bearer token, and on every answer of the
 * token routes (`tokenPaths`), errors included: no browser or proxy cache keeps a token or someone's own data.
 */
export const privateAnswersPlugin = fp(
  async (app: FastifyInstance, options: { tokenPaths: string }) => {
    app.addHook('onSend', async (request, reply) => {
      // The matched route, not the raw URL: a percent-encoded path (`/api/v1/%61uth/login`) reaches the same route.
      const path = request.routeOptions.url ?? request.url;
      if (request.headers.authorization !== undefined || path.startsWith(options.tokenPaths)) {
        reply.header('cache-control', 'no-store');
      }
    });
  },
  { name: 'private-answers' },
);
