import type { Handler } from '@fitflow/application-shared';
import { UserNotFoundError } from '../../errors';
import type { UsersFinder } from '../../ports';
import type { UserSummary } from '../../user-summary';

export interface GetMeQuery {
  userId: string;
}

/** The signed-in account; gone means the token outlived its account (UserNotFoundError). */
export class GetMeHandler implements Handler<GetMeQuery, UserSummary> {
  constructor(private readonly finder: UsersFinder) {}

  async handle({ userId }: GetMeQuery): Promise<UserSummary> {
    const view = await this.finder.byId(userId);
    if (!view) throw new UserNotFoundError(userId);
    const { id, email, name, role } = view;
    return { id, email, name, role };
  }
}
