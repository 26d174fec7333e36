import { createHash, randomBytes } from 'node:crypto';
import { createSigner, createVerifier } from 'fast-jwt';
import type { AccessTokenClaims, AccessTokenIssuer, RefreshTokenSecrets } from '@fitflow/application-membership';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/**
 * Says what a token is for, so no other token signed with the secret (today none; a QR check-in token or an
 * e-mail link tomorrow) is ever accepted as an access token.
 */
const ACCESS_TOKEN_TYPE = 'access';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * HS256 access tokens: `sub` (the account's id), `ver` (its credentials version), `typ` and `exp`, nothing else.
 * They carry no role on purpose: what the account may do is read from the account at every request, so a role
 * change counts at once; and a token whose `ver` is behind the account's is refused, so a password change signs
 * every earlier token out at once.
 */
export class JwtAccessTokenIssuer implements AccessTokenIssuer {
  readonly #sign: (payload: object) => string;

  constructor(secret: string, private readonly ttlSeconds = ACCESS_TOKEN_TTL_SECONDS) {
    this.#sign = createSigner({ key: secret, algorithm: 'HS256', expiresIn: ttlSeconds * 1000 });
  }

  /** `credentialsVersion` may be left out by tools that mint tokens for new accounts (version 0). */
  issue({ userId, credentialsVersion = 0 }: { userId: string; credentialsVersion?: number }): { token: string; expiresInSeconds: number } {
    return { token: this.#sign({ sub: userId, ver: credentialsVersion, typ: ACCESS_TOKEN_TYPE }), expiresInSeconds: this.ttlSeconds };
  }
}

export class InvalidAccessTokenError extends Error {}

/**
 * The other half of `JwtAccessTokenIssuer`: the claims of a well-formed, unexpired access token signed with the
 * secret, or InvalidAccessTokenError (wrong signature or algorithm, `alg: none`, no `exp`, expired, a `sub` that
 * is no UUID, a `ver` that is no whole number, another type of token). Whether the account still exists, and is
 * still at that version, is the caller's question.
 */
export class JwtAccessTokenVerifier {
  readonly #verify: (token: string) => { sub: string; typ?: unknown; ver?: unknown };

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

  /** The token's account id and credentials version; a token issued before versions existed is at 0. */
  claimsOf(token: string): AccessTokenClaims {
    let claims: { sub: string; typ?: unknown; ver?: unknown };
    try {
      claims = this.#verify(token);
    } catch (error) {
      throw new InvalidAccessTokenError('The access token is not valid', { cause: error });
    }
    if (claims.typ !== ACCESS_TOKEN_TYPE) throw new InvalidAccessTokenError('Not an access token');
    const version = claims.ver === undefined ? 0 : claims.ver;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
      throw new InvalidAccessTokenError('Not a credentials version');
    }
    return { userId: claims.sub, credentialsVersion: version };
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
