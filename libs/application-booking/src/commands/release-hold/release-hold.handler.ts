import type { Actor, Handler, UnitOfWork } from '@fitflow/application-shared';
import { HoldNotFoundError } from '@fitflow/domain-booking';
import type { Clock } from '@fitflow/domain-shared';
import type { HoldRepositories } from '../../ports';

export interface ReleaseHoldCommand {
  actor: Actor;
  holdId: string;
}

/**
 * The hold's member gives its spot back before `expiresAt` (HOLD_EXPIRED from then on, or once released; a
 * confirmed hold is INVALID_STATE). Anyone else gets NOT_FOUND. Lock order: the hold's session, then the hold.
 */
export class ReleaseHoldHandler implements Handler<ReleaseHoldCommand, void> {
  constructor(
    private readonly uow: UnitOfWork<HoldRepositories>,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, holdId }: ReleaseHoldCommand): Promise<void> {
    await this.uow.transaction(async ({ holds, sessions }) => {
      const found = await holds.get(holdId);
      if (!found?.isOwnedBy(actor.userId)) throw new HoldNotFoundError(holdId);
      const session = await sessions.getForUpdate(found.sessionId);
      const hold = session && (await holds.getForUpdate(session, holdId));
      if (!hold) throw new HoldNotFoundError(holdId);
      hold.release(this.clock.now());
      await holds.save(hold);
    });
  }
}
