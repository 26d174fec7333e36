import type { Handler, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import type { MembershipRepositories, RefreshTokenSecrets } from '../../ports';

export interface LogoutCommand {
  refreshToken: string;
}

/** Ends the sign-in the token belongs to by revoking its family. An unknown token is already logged out. */
export class LogoutHandler implements Handler<LogoutCommand, void> {
  constructor(
    private readonly uow: UnitOfWork<MembershipRepositories>,
    private readonly secrets: RefreshTokenSecrets,
    private readonly clock: Clock,
  ) {}

  async handle({ refreshToken }: LogoutCommand): Promise<void> {
    const tokenHash = this.secrets.hash(refreshToken);
    await this.uow.transaction(async ({ refreshTokens }) => {
      const token = await refreshTokens.getByHashForUpdate(tokenHash);
      if (token) await refreshTokens.revokeFamily(token.familyId, this.clock.now());
    });
  }
}
