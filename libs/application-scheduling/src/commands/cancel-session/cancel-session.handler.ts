import type { Actor, Handler, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import { CancellationReason } from '@fitflow/domain-scheduling';
import { SessionNotFoundError } from '../../errors';
import { assertManagesClasses, manageableSession } from '../../permissions';
import type { SchedulingRepositories, SessionView, SessionsFinder } from '../../ports';
import { trainerNameOf } from '../../trainers';

export interface CancelSessionCommand {
  actor: Actor;
  id: string;
  /** 1..500 characters, told to every booked member. */
  reason: string;
}

/**
 * The owner trainer or an admin cancels a draft, or a published session before it starts (INVALID_STATE
 * otherwise). SessionCancelled, written in the same transaction, lets the booking context refund and notify.
 */
export class CancelSessionHandler implements Handler<CancelSessionCommand, SessionView> {
  constructor(
    private readonly uow: UnitOfWork<SchedulingRepositories>,
    private readonly finder: SessionsFinder,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, id, reason }: CancelSessionCommand): Promise<SessionView> {
    assertManagesClasses(actor);
    const why = CancellationReason.create(reason);
    await this.uow.transaction(async ({ sessions, trainers }) => {
      const session = manageableSession(actor, await sessions.getForUpdate(id), id);
      session.cancel(why, this.clock.now(), await trainerNameOf(trainers, session.trainerId));
      await sessions.save(session);
    });
    const view = await this.finder.byId(id, actor);
    if (!view) throw new SessionNotFoundError(id);
    return view;
  }
}
