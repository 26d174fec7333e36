import type { Actor, Handler, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import { assertManagesClasses, manageableSession } from '../../permissions';
import type { SchedulingRepositories } from '../../ports';
import { trainerNameOf } from '../../trainers';

export interface DeleteSessionCommand {
  actor: Actor;
  id: string;
}

/**
 * The owner trainer or an admin deletes a draft nobody has seen (NOT_FOUND for another trainer, as reading it
 * answers). INVALID_STATE for a session once published: that one is cancelled, with a reason its members are told.
 */
export class DeleteSessionHandler implements Handler<DeleteSessionCommand, void> {
  constructor(
    private readonly uow: UnitOfWork<SchedulingRepositories>,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, id }: DeleteSessionCommand): Promise<void> {
    assertManagesClasses(actor);
    await this.uow.transaction(async ({ sessions, trainers }) => {
      const session = manageableSession(actor, await sessions.getForUpdate(id), id);
      session.discard(this.clock.now(), await trainerNameOf(trainers, session.trainerId));
      await sessions.delete(session);
    });
  }
}
