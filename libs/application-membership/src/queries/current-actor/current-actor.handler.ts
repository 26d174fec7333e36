import type { Actor, Handler } from '@fitflow/application-shared';
import type { UsersFinder } from '../../ports';

export interface CurrentActorQuery {
  /** The account id an access token names. */
  userId: string;
}

/**
 * Who the caller is at this request: the account's current role, or null when the account no longer exists.
 * Authorization decides on this, never on what a token remembers, so a role change counts at the next request.
 */
export class CurrentActorHandler implements Handler<CurrentActorQuery, Actor | null> {
  constructor(private readonly finder: UsersFinder) {}

  async handle({ userId }: CurrentActorQuery): Promise<Actor | null> {
    const role = await this.finder.roleOf(userId);
    return role === null ? null : { userId, role };
  }
}
