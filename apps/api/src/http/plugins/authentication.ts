import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '@fitflow/application-shared';
import type { AccessTokenClaims } from '@fitflow/application-membership';
import { forbidden, unauthenticated } from '../problem';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller as their account is now; set by `authenticate`, `requireRole` and `identifyIfPresent`. */
    user: Actor;
  }

  interface FastifyInstance {
    /** onRequest hook: a valid bearer token of an existing account, or 401 UNAUTHENTICATED. */
    authenticate: onRequestHookHandler;
    /** onRequest hook: a valid bearer token of an account that has one of `roles` now, or 401/403. */
    requireRole: (...roles: Actor['role'][]) => onRequestHookHandler;
    /** onRequest hook: reads the bearer token when there is one; anonymous otherwise. */
    identifyIfPresent: onRequestHookHandler;
  }
}

export interface AuthenticationOptions {
  /** The claims of a valid access token; throws for anything else (see JwtAccessTokenVerifier). */
  claimsOf: (token: string) => AccessTokenClaims;
  /** The account as it is now, or null when it no longer exists or its password changed after the token was issued. */
  currentActor: (claims: AccessTokenClaims) => Promise<Actor | null>;
}

const BEARER = /^Bearer ([\w.~+/-]+=*)$/i;
const SIGN_IN_AGAIN = 'Your session is missing, invalid or expired. Sign in again.';

/**
 * Bearer access tokens and role checks. The token only says who the caller is; their role, whether their account
 * still exists and whether its password changed since the token was issued are read at every request (one
 * primary-key query), so a role change, a deleted account or a new password counts at the next request rather
 * than when the token expires.
 */
export const authenticationPlugin = fp(
  async (app: FastifyInstance, { claimsOf, currentActor }: AuthenticationOptions) => {
    async function identify(request: FastifyRequest): Promise<void> {
      const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
      if (!token) throw unauthenticated(SIGN_IN_AGAIN);
      let claims: AccessTokenClaims;
      try {
        claims = claimsOf(token);
      } catch {
        throw unauthenticated(SIGN_IN_AGAIN);
      }
      const actor = await currentActor(claims);
      // Either the account is gone or its password changed: the same sentence for both, which tells no one which.
      if (!actor) throw unauthenticated(SIGN_IN_AGAIN);
      request.user = actor;
    }

    app.decorateRequest('user', null as unknown as Actor);
    app.decorate('authenticate', identify);
    app.decorate('requireRole', (...roles: Actor['role'][]) => async (request: FastifyRequest) => {
      await identify(request);
      if (!roles.includes(request.user.role)) throw forbidden();
    });
    app.decorate('identifyIfPresent', async (request: FastifyRequest) => {
      if (request.headers.authorization !== undefined) await identify(request);
    });
  },
  { name: 'authentication' },
);
