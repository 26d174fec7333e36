import type { Actor, Handler, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import { SessionNotFoundError } from '../../errors';
import { assertManagesClasses, manageableSession } from '../../permissions';
import type { SchedulingRepositories, SessionView, SessionsFinder } from '../../ports';
import { trainerNameOf } from '../../trainers';

export interface PublishSessionCommand {
  actor: Actor;
  id: string;
}

/** The owner trainer or an admin opens a draft for booking; INVALID_STATE unless it is an upcoming draft. */
export class PublishSessionHandler implements Handler<PublishSessionCommand, SessionView> {
  constructor(
    private readonly uow: UnitOfWork<SchedulingRepositories>,
    private readonly finder: SessionsFinder,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, id }: PublishSessionCommand): Promise<SessionView> {
    assertManagesClasses(actor);
    await this.uow.transaction(async ({ sessions, trainers }) => {
      const session = manageableSession(actor, await sessions.getForUpdate(id), id);
      session.publish(this.clock.now(), await trainerNameOf(trainers, session.trainerId));
      await sessions.save(session);
    });
    const view = await this.finder.byId(id, actor);
    if (!view) throw new SessionNotFoundError(id);
    return view;
  }
}
