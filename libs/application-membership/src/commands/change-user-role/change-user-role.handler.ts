import type { Actor, Handler, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import type { Role } from '@fitflow/domain-membership';
import { ForbiddenError, UserNotFoundError } from '../../errors';
import type { MembershipRepositories } from '../../ports';
import { type UserSummary, summaryOf } from '../../user-summary';

export interface ChangeUserRoleCommand {
  actor: Actor;
  userId: string;
  role: Role;
}

/** An admin grants or withdraws the trainer or admin role; the studio's last admin keeps theirs (LAST_ADMIN). */
export class ChangeUserRoleHandler implements Handler<ChangeUserRoleCommand, UserSummary> {
  constructor(
    private readonly uow: UnitOfWork<MembershipRepositories>,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, userId, role }: ChangeUserRoleCommand): Promise<UserSummary> {
    if (actor.role !== 'admin') throw new ForbiddenError('Only an admin can change roles');
    return this.uow.transaction(async ({ users }) => {
      const admins = await users.lockAdmins();
      // The caller's role was read before this transaction: an admin demoted since then must not slip through.
      if (!admins.includes(actor.userId)) throw new ForbiddenError('Only an admin can change roles');
      const user = await users.getForUpdate(userId);
      if (!user) throw new UserNotFoundError(userId);
      user.changeRole(role, this.clock.now(), actor.userId, { admins: admins.length });
      await users.save(user);
      return summaryOf(user);
    });
  }
}
