import type { AccessTokenIssuer } from '../ports';

export const FAKE_ACCESS_TOKEN_TTL_SECONDS = 900;

/** Tokens that spell out their claim (`access:<userId>`), so a test can read who was signed in. */
export class FakeAccessTokenIssuer implements AccessTokenIssuer {
  issue(claims: { userId: string }): { token: string; expiresInSeconds: number } {
    return { token: FakeAccessTokenIssuer.tokenFor(claims), expiresInSeconds: FAKE_ACCESS_TOKEN_TTL_SECONDS };
  }

  static tokenFor(claims: { userId: string }): string {
    return `access:${claims.userId}`;
  }
}
