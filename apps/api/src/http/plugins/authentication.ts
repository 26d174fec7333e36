import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '@fitflow/application-shared';
import { forbidden, unauthenticated } from '../problem';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string; role: Actor['role'] };
    user: Actor;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook: a valid bearer token, or 401 UNAUTHENTICATED. */
    authenticate: onRequestHookHandler;
    /** onRequest hook: a valid bearer token of one of `roles`, or 401/403. */
    requireRole: (...roles: Actor['role'][]) => onRequestHookHandler;
    /** onRequest hook: reads the bearer token when there is one; anonymous otherwise. */
    identifyIfPresent: onRequestHookHandler;
  }
}

async function verify(request: FastifyRequest): Promise<void> {
  try {
    await request.jwtVerify();
  } catch {
    throw unauthenticated('Your session is missing, invalid or expired. Sign in again.');
  }
}

/** Bearer access tokens (HS256, issued by the AccessTokenIssuer with the same secret) and role checks. */
export const authenticationPlugin = fp(
  async (app: FastifyInstance, options: { secret: string }) => {
    await app.register(fastifyJwt, {
      secret: options.secret,
      // Verified tokens are cached (fast-jwt's LRU, bounded by each token's expiry): the schedule is read far more
      // often than tokens change.
      verify: { algorithms: ['HS256'], cache: 10_000 },
      formatUser: (payload) => ({ userId: payload.sub, role: payload.role }),
    });

    app.decorate('authenticate', async (request: FastifyRequest) => verify(request));
    app.decorate('requireRole', (...roles: Actor['role'][]) => async (request: FastifyRequest) => {
      await verify(request);
      if (!roles.includes(request.user.role)) throw forbidden();
    });
    app.decorate('identifyIfPresent', async (request: FastifyRequest) => {
      if (request.headers.authorization) await verify(request);
    });
  },
  { name: 'authentication' },
);
