import type { Handler, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import type { DueHold, HoldRepositories } from '../../ports';

export interface ExpireHoldsCommand {
  /** At most this many holds in one run; the next run takes the rest. */
  limit: number;
}

/**
 * Marks expired, and records HoldExpired for, the pending holds whose `expiresAt` has come: the every-minute sweep,
 * which catches every hold whose own job (`ExpireHoldHandler`) was lost. Each hold is expired in its own transaction,
 * its session locked first; a hold confirmed, released or expired since the list was read is left as it is, so a
 * second run does nothing. Answers how many it expired.
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
      if (await this.uow.transaction((repositories) => expireIfDue(repositories, hold, now))) expired += 1;
    }
    return expired;
  }
}

export interface ExpireHoldCommand {
  holdId: string;
}

/**
 * One hold's expiry job, run at its `expiresAt`: marks that hold expired and records HoldExpired, touching no other.
 * Like the sweep it locks the hold's session first, then the hold, and leaves a hold that is not due: confirmed,
 * released or expired meanwhile (so a second delivery of the job does nothing), unknown, or a job that ran early
 * (the sweep takes that hold once it is due). Answers whether it expired the hold.
 */
export class ExpireHoldHandler implements Handler<ExpireHoldCommand, boolean> {
  constructor(
    private readonly uow: UnitOfWork<HoldRepositories>,
    private readonly clock: Clock,
  ) {}

  async handle({ holdId }: ExpireHoldCommand): Promise<boolean> {
    const now = this.clock.now();
    return this.uow.transaction(async (repositories) => {
      // Read without a lock only to learn which session to lock first.
      const found = await repositories.holds.get(holdId);
      return found !== null && expireIfDue(repositories, { id: found.id, sessionId: found.sessionId }, now);
    });
  }
}

/** Lock order: the session, then the hold. False when the hold is gone or not due at `now`. */
async function expireIfDue({ holds, sessions }: HoldRepositories, { id, sessionId }: DueHold, now: Date): Promise<boolean> {
  const session = await sessions.getForUpdate(sessionId);
  const hold = session && (await holds.getForUpdate(session, id));
  if (!hold?.isDueToExpireAt(now)) return false;
  hold.expire(now);
  await holds.save(hold);
  return true;
}
