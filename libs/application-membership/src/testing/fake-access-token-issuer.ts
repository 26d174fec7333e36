import type { Role } from '@fitflow/domain-membership';
import type { AccessTokenIssuer } from '../ports';

export const FAKE_ACCESS_TOKEN_TTL_SECONDS = 900;

/** Tokens that spell out their claims (`access:<userId>:<role>`), so a test can read what was granted. */
export class FakeAccessTokenIssuer implements AccessTokenIssuer {
  issue(claims: { userId: string; role: Role }): { token: string; expiresInSeconds: number } {
    return { token: FakeAccessTokenIssuer.tokenFor(claims), expiresInSeconds: FAKE_ACCESS_TOKEN_TTL_SECONDS };
  }

  static tokenFor(claims: { userId: string; role: Role }): string {
    return `access:${claims.userId}:${claims.role}`;
  }
}
