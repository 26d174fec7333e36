import { createHash, randomBytes } from 'node:crypto';
import { createSigner, createVerifier } from 'fast-jwt';
import type { AccessTokenIssuer, RefreshTokenSecrets } from '@fitflow/application-membership';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/**
 * Says what a token is for, so no other token signed with the secret (today none; a QR check-in token or an
 * e-mail link tomorrow) is ever accepted as an access token.
 */
const ACCESS_TOKEN_TYPE = 'access';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * HS256 access tokens: `sub` (the account's id), `typ` and `exp`, nothing else. They carry no role on purpose:
 * what the account may do is read from the account at every request, so a role change counts at once.
 */
export class JwtAccessTokenIssuer implements AccessTokenIssuer {
  readonly #sign: (payload: object) => string;

  constructor(secret: string, private readonly ttlSeconds = ACCESS_TOKEN_TTL_SECONDS) {
    this.#sign = createSigner({ key: secret, algorithm: 'HS256', expiresIn: ttlSeconds * 1000 });
  }

  issue(claims: { userId: string }): { token: string; expiresInSeconds: number } {
    return { token: this.#sign({ sub: claims.userId, typ: ACCESS_TOKEN_TYPE }), expiresInSeconds: this.ttlSeconds };
  }
}

export class InvalidAccessTokenError extends Error {}

/**
 * The other half of `JwtAccessTokenIssuer`: the account id of a well-formed, unexpired access token signed with
 * the secret, or InvalidAccessTokenError (wrong signature or algorithm, `alg: none`, no `exp`, expired, a `sub`
 * that is no UUID, another type of token). Whether the account still exists is the caller's question.
 */
export class JwtAccessTokenVerifier {
  readonly #verify: (token: string) => { sub: string; typ?: unknown };

  constructor(secret: string) {
    this.#verify = createVerifier({
      key: secret,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub', 'typ'],
      allowedSub: UUID,
      // Verified tokens are cached (an LRU keyed by a hash of the token, each entry bounded by its token's expiry):
      // a signed-in person's token is checked on every request. Only the claims are cached, never the account.
      cache: 10_000,
    });
  }

  /** The token's account id. */
  accountIdOf(token: string): string {
    let claims: { sub: string; typ?: unknown };
    try {
      claims = this.#verify(token);
    } catch (error) {
      throw new InvalidAccessTokenError('The access token is not valid', { cause: error });
    }
    if (claims.typ !== ACCESS_TOKEN_TYPE) throw new InvalidAccessTokenError('Not an access token');
    return claims.sub;
  }
}

/** 256 random bits; only the SHA-256 is stored, so a database leak gives no usable token. */
export class RandomRefreshTokenSecrets implements RefreshTokenSecrets {
  generate(): string {
    return randomBytes(32).toString('base64url');
  }

  hash(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }
}
