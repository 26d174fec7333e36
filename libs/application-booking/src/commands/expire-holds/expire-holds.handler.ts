import type { Handler, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import type { DueHold, HoldRepositories } from '../../ports';

export interface ExpireHoldsCommand {
  /** At most this many holds in one run; the next run takes the rest. */
  limit: number;
}

/**
 * Marks expired, and records HoldExpired for, the pending holds whose `expiresAt` has come: what a hold's expiry
 * timer and the every-minute sweep both run. Each hold is expired in its own transaction, its session locked first;
 * a hold confirmed, released or expired since the list was read is left as it is, so a second run does nothing.
 * Answers how many it expired.
 */
export class ExpireHoldsHandler implements Handler<ExpireHoldsCommand, number> {
  constructor(
    private readonly uow: UnitOfWork<HoldRepositories>,
    private readonly clock: Clock,
  ) {}

  async handle({ limit }: ExpireHoldsCommand): Promise<number> {
    const now = this.clock.now();
    const due = await this.uow.transaction(({ holds }) => holds.dueForExpiry(now, limit));
    let expired = 0;
    for (const hold of due) {
      if (await this.#expire(hold, now)) expired += 1;
    }
    return expired;
  }

  #expire({ id, sessionId }: DueHold, now: Date): Promise<boolean> {
    return this.uow.transaction(async ({ holds, sessions }) => {
      const session = await sessions.getForUpdate(sessionId);
      const hold = session && (await holds.getForUpdate(session, id));
      if (!hold?.isDueToExpireAt(now)) return false;
      hold.expire(now);
      await holds.save(hold);
      return true;
    });
  }
}
