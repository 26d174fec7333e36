import type { Actor, Handler, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import type { CreditRepositories, CreditTransactionView } from '../../credit-ports';
import { ForbiddenError, UserNotFoundError } from '../../errors';

export interface AdjustCreditsCommand {
  actor: Actor;
  userId: string;
  /** Signed: positive adds, negative takes away. */
  amount: number;
  reason: string;
}

/** An admin corrects a member's balance with a reason; it may not go below zero (VALIDATION_FAILED). */
export class AdjustCreditsHandler implements Handler<AdjustCreditsCommand, CreditTransactionView> {
  constructor(
    private readonly uow: UnitOfWork<CreditRepositories>,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, userId, amount, reason }: AdjustCreditsCommand): Promise<CreditTransactionView> {
    if (actor.role !== 'admin') throw new ForbiddenError('Only an admin can adjust credits');
    return this.uow.transaction(async ({ memberships }) => {
      const membership = await memberships.getForUpdate(userId);
      if (!membership) throw new UserNotFoundError(userId);
      membership.adjust(amount, reason, actor.userId, this.clock.now());
      const lines = await memberships.save(membership);
      const adjustment = lines.find((line) => line.type === 'adjustment');
      if (!adjustment) throw new Error('The adjustment wrote no ledger line');
      return adjustment;
    });
  }
}
