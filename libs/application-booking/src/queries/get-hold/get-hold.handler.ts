import type { Actor, Handler, UnitOfWork } from '@fitflow/application-shared';
import { HoldNotFoundError } from '@fitflow/domain-booking';
import { toHoldView } from '../../hold-view';
import type { HoldRepositories, HoldView } from '../../ports';

export interface GetHoldQuery {
  actor: Actor;
  holdId: string;
}

/** A hold, to its member only (NOT_FOUND for anyone else, so hold ids cannot be probed); read without locking. */
export class GetHoldHandler implements Handler<GetHoldQuery, HoldView> {
  constructor(private readonly uow: UnitOfWork<HoldRepositories>) {}

  async handle({ actor, holdId }: GetHoldQuery): Promise<HoldView> {
    const hold = await this.uow.transaction(({ holds }) => holds.get(holdId));
    if (!hold || hold.memberId !== actor.userId) throw new HoldNotFoundError(holdId);
    return toHoldView(hold.snapshot());
  }
}
