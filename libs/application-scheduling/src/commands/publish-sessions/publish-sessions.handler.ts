import type { Actor, Handler, UnitOfWork } from '@fitflow/application-shared';
import { type Clock, DomainError } from '@fitflow/domain-shared';
import { SessionRefusedError } from '../../errors';
import { assertManagesClasses, manageableSession } from '../../permissions';
import type { SchedulingRepositories, SessionView, SessionsFinder, TrainerDirectory } from '../../ports';
import { trainerNameOf } from '../../trainers';

export interface PublishSessionsCommand {
  actor: Actor;
  /** 1..100 distinct session ids (validated at the edge). */
  ids: string[];
}

/**
 * The owner trainer or an admin opens several drafts for booking at once (a week of a series), all or none. The
 * first session in `ids` that may not be published refuses the whole request with its own answer (NOT_FOUND,
 * FORBIDDEN, INVALID_STATE: as publishing it alone would) naming it, and nothing changes. Each session published
 * records its own SessionPublished, exactly as publishing it alone does, so its subscribers need not know.
 */
export class PublishSessionsHandler implements Handler<PublishSessionsCommand, SessionView[]> {
  constructor(
    private readonly uow: UnitOfWork<SchedulingRepositories>,
    private readonly finder: SessionsFinder,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, ids }: PublishSessionsCommand): Promise<SessionView[]> {
    assertManagesClasses(actor);
    await this.uow.transaction(async ({ sessions, trainers }) => {
      const now = this.clock.now();
      const names = trainerNames(trainers);
      const locked = new Map((await sessions.getManyForUpdate(ids)).map((session) => [session.id, session]));
      // Judged in the caller's order once every row is locked, so the refusal named is the first the caller listed.
      for (const id of ids) {
        await refusingAllFor(id, async () => {
          const session = manageableSession(actor, locked.get(id) ?? null, id);
          session.publish(now, await names(session.trainerId));
        });
      }
      // Started together: the unit of work sends them in one go while every row is locked.
      await Promise.all([...locked.values()].map((session) => sessions.save(session)));
    });
    return this.finder.byIds(ids, actor);
  }
}

/** Runs `step` for session `id`; a refusal becomes the whole request's, naming the session. */
async function refusingAllFor(id: string, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (error instanceof DomainError) throw new SessionRefusedError(id, error, 'Nothing was published');
    throw error;
  }
}

/** Trainer names for events, each looked up once: a series has one trainer. */
function trainerNames(trainers: TrainerDirectory): (trainerId: string) => Promise<string> {
  const known = new Map<string, Promise<string>>();
  return (trainerId) => {
    const name = known.get(trainerId) ?? trainerNameOf(trainers, trainerId);
    known.set(trainerId, name);
    return name;
  };
}
