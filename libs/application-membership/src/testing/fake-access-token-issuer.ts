import type { AccessTokenClaims, AccessTokenIssuer } from '../ports';

export const FAKE_ACCESS_TOKEN_TTL_SECONDS = 900;

/** Tokens that spell out their claims (`access:<userId>@v<credentialsVersion>`), so a test can read who was signed in. */
export class FakeAccessTokenIssuer implements AccessTokenIssuer {
  issue(claims: AccessTokenClaims): { token: string; expiresInSeconds: number } {
    return { token: FakeAccessTokenIssuer.tokenFor(claims), expiresInSeconds: FAKE_ACCESS_TOKEN_TTL_SECONDS };
  }

  /** A version left out is 0, an account's credentials version until its password first changes. */
  static tokenFor({ userId, credentialsVersion = 0 }: { userId: string; credentialsVersion?: number }): string {
    return `access:${userId}@v${credentialsVersion}`;
  }
}
