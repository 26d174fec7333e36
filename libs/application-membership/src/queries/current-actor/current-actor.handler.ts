import type { Actor, Handler } from '@fitflow/application-shared';
import type { UsersFinder } from '../../ports';

export interface CurrentActorQuery {
  /** The account id an access token names. */
  userId: string;
  /** The account's credentials version when the token was issued. */
  credentialsVersion: number;
}

/**
 * Who the caller is at this request: the account's current role, or null when the account no longer exists or its
 * password changed after the token was issued. Authorization decides on this, never on what a token remembers, so
 * a role change counts at the next request, and a password change signs every earlier token out at once.
 */
export class CurrentActorHandler implements Handler<CurrentActorQuery, Actor | null> {
  constructor(private readonly finder: UsersFinder) {}

  async handle({ userId, credentialsVersion }: CurrentActorQuery): Promise<Actor | null> {
    const access = await this.finder.accessOf(userId);
    if (access === null || access.credentialsVersion !== credentialsVersion) return null;
    return { userId, role: access.role };
  }
}
