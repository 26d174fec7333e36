import type { Handler, IdGenerator, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import { InvalidRefreshTokenError } from '../../errors';
import type { AccessTokenIssuer, MembershipRepositories, RefreshTokenSecrets } from '../../ports';
import { type TokenPair, TokenPairIssuer } from '../../token-pair';

export interface RefreshTokenCommand {
  refreshToken: string;
}

/**
 * Trades a refresh token for a new pair; the presented token is spent. Presenting a spent token again means
 * a copy escaped, so the whole family is revoked and its holder must sign in again.
 */
export class RefreshTokenHandler implements Handler<RefreshTokenCommand, TokenPair> {
  readonly #tokens: TokenPairIssuer;

  constructor(
    private readonly uow: UnitOfWork<MembershipRepositories>,
    accessTokens: AccessTokenIssuer,
    private readonly secrets: RefreshTokenSecrets,
    ids: IdGenerator,
    private readonly clock: Clock,
  ) {
    this.#tokens = new TokenPairIssuer(accessTokens, secrets, ids);
  }

  async handle({ refreshToken }: RefreshTokenCommand): Promise<TokenPair> {
    const tokenHash = this.secrets.hash(refreshToken);
    // A refusal comes back as null rather than thrown, so the transaction commits a family revoked on reuse.
    const pair = await this.uow.transaction((repos) => this.#rotate(repos, tokenHash));
    if (!pair) throw new InvalidRefreshTokenError();
    return pair;
  }

  async #rotate({ users, refreshTokens }: MembershipRepositories, tokenHash: string): Promise<TokenPair | null> {
    const now = this.clock.now();
    const presented = await refreshTokens.getByHashForUpdate(tokenHash);
    if (!presented) return null;
    const fate = presented.fateAt(now);
    if (fate === 'reused') await refreshTokens.revokeFamily(presented.familyId, now);
    if (fate !== 'usable') return null;
    // A deleted account's refresh tokens end with it.
    const user = await users.get(presented.userId);
    if (!user) return null;
    // Changing the password revokes every family, but a refresh racing with the change may have added a token
    // the revocation did not see: the credentials version refuses that one too.
    if (presented.predatesCredentials(user.credentialsVersion)) {
      await refreshTokens.revokeFamily(presented.familyId, now);
      return null;
    }
    presented.rotate(now);
    await refreshTokens.save(presented);
    const { pair, stored } = this.#tokens.continueFamily(presented.familyId, user, now);
    await refreshTokens.save(stored);
    return pair;
  }
}
