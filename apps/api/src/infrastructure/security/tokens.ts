import { createHash, randomBytes } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import type { AccessTokenIssuer, RefreshTokenSecrets } from '@fitflow/application-membership';
import type { Role } from '@fitflow/domain-membership';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** HS256 access tokens that `@fastify/jwt` verifies with the same secret. */
export class JwtAccessTokenIssuer implements AccessTokenIssuer {
  readonly #sign: (payload: object) => string;

  constructor(secret: string, private readonly ttlSeconds = ACCESS_TOKEN_TTL_SECONDS) {
    this.#sign = createSigner({ key: secret, algorithm: 'HS256', expiresIn: ttlSeconds * 1000 });
  }

  issue(claims: { userId: string; role: Role }): { token: string; expiresInSeconds: number } {
    return { token: this.#sign({ sub: claims.userId, role: claims.role }), expiresInSeconds: this.ttlSeconds };
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
