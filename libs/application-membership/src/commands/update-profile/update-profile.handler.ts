import type { Handler, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import { UserName } from '@fitflow/domain-membership';
import { UserNotFoundError } from '../../errors';
import type { MembershipRepositories } from '../../ports';
import { type UserSummary, summaryOf } from '../../user-summary';

export interface UpdateProfileCommand {
  /** The signed-in account: a person edits their own profile only. */
  userId: string;
  name: string;
}

/** The signed-in person changes the name they go by (VALIDATION_FAILED on `name` for an empty or too long one). */
export class UpdateProfileHandler implements Handler<UpdateProfileCommand, UserSummary> {
  constructor(
    private readonly uow: UnitOfWork<MembershipRepositories>,
    private readonly clock: Clock,
  ) {}

  async handle({ userId, name }: UpdateProfileCommand): Promise<UserSummary> {
    const newName = UserName.create(name);
    return this.uow.transaction(async ({ users }) => {
      const user = await users.getForUpdate(userId);
      if (!user) throw new UserNotFoundError(userId);
      user.rename(newName, this.clock.now());
      await users.save(user);
      return summaryOf(user);
    });
  }
}
