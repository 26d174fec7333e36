import type { IdGenerator } from '@fitflow/application-shared';
import { RefreshToken } from '@fitflow/domain-membership';
import type { AccessTokenIssuer, RefreshTokenSecrets } from './ports';

/** The account a pair is issued to, with the credentials version its tokens are bound to. */
interface TokenHolder {
  id: string;
  credentialsVersion: number;
}

export const REFRESH_TOKEN_TTL_DAYS = 30;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
}

/** Issues an access token and the next refresh token of a family; the caller saves `stored` in its transaction. */
export class TokenPairIssuer {
  constructor(
    private readonly accessTokens: AccessTokenIssuer,
    private readonly secrets: RefreshTokenSecrets,
    private readonly ids: IdGenerator,
  ) {}

  startFamily(user: TokenHolder, now: Date): { pair: TokenPair; stored: RefreshToken } {
    return this.continueFamily(this.ids.next(), user, now);
  }

  continueFamily(familyId: string, user: TokenHolder, now: Date): { pair: TokenPair; stored: RefreshToken } {
    const secret = this.secrets.generate();
    const stored = RefreshToken.issue({
      id: this.ids.next(),
      familyId,
      userId: user.id,
      tokenHash: this.secrets.hash(secret),
      credentialsVersion: user.credentialsVersion,
      issuedAt: now,
      ttlDays: REFRESH_TOKEN_TTL_DAYS,
    });
    const access = this.accessTokens.issue({ userId: user.id, credentialsVersion: user.credentialsVersion });
    return {
      pair: { accessToken: access.token, refreshToken: secret, tokenType: 'Bearer', expiresIn: access.expiresInSeconds },
      stored,
    };
  }
}
