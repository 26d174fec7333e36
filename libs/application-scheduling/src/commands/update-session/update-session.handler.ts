import type { Actor, Handler, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import { Capacity, type ClassSession, TimeSlot } from '@fitflow/domain-scheduling';
import { SessionNotFoundError } from '../../errors';
import { parseInstant } from '../../instants';
import { assertManagesClasses, assertMayAssignTo, manageableSession } from '../../permissions';
import type { SchedulingRepositories, SessionView, SessionsFinder } from '../../ports';
import { findLeader, trainerNameOf } from '../../trainers';

/**
 * PATCH: only the fields present change. `startsAt` alone moves the session keeping its length; `endsAt` alone
 * moves only its end.
 */
export interface UpdateSessionCommand {
  actor: Actor;
  id: string;
  startsAt?: string;
  endsAt?: string;
  capacity?: number;
  /** Only an admin may hand a session to someone else (FORBIDDEN for a trainer naming another trainer). */
  trainerId?: string;
}

/**
 * The owner trainer or an admin changes a session's time, capacity or trainer, all or nothing. The session row is
 * locked, so a booking cannot slip in between counting the taken spots and lowering the capacity
 * (CAPACITY_BELOW_BOOKED), nor a check-in between reading that nobody has checked in and moving the class. A wrong
 * state (started, over, cancelled, or moving a class members have checked in to) is INVALID_STATE.
 */
export class UpdateSessionHandler implements Handler<UpdateSessionCommand, SessionView> {
  constructor(
    private readonly uow: UnitOfWork<SchedulingRepositories>,
    private readonly finder: SessionsFinder,
    private readonly clock: Clock,
  ) {}

  async handle(command: UpdateSessionCommand): Promise<SessionView> {
    const { actor, id } = command;
    assertManagesClasses(actor);
    const startsAt = command.startsAt === undefined ? undefined : parseInstant(command.startsAt, 'startsAt');
    const endsAt = command.endsAt === undefined ? undefined : parseInstant(command.endsAt, 'endsAt');
    const capacity = command.capacity === undefined ? undefined : Capacity.create(command.capacity);

    await this.uow.transaction(async ({ sessions, occupancy, trainers }) => {
      const session = manageableSession(actor, await sessions.getForUpdate(id), id);
      const now = this.clock.now();

      let trainerName: string;
      if (command.trainerId !== undefined) {
        assertMayAssignTo(actor, command.trainerId);
        const leader = await findLeader(trainers, command.trainerId);
        session.reassign(leader.id, leader.name, now);
        trainerName = leader.name;
      } else {
        trainerName = await trainerNameOf(trainers, session.trainerId);
      }
      if (startsAt !== undefined || endsAt !== undefined) {
        session.reschedule(newSlot(session, startsAt, endsAt), now, trainerName, await occupancy.anyCheckedIn(id));
      }
      if (capacity !== undefined) {
        session.changeCapacity(capacity, await occupancy.takenSpots(id), now, trainerName);
      }
      await sessions.save(session);
    });

    const view = await this.finder.byId(id, actor);
    if (!view) throw new SessionNotFoundError(id);
    return view;
  }
}

function newSlot(session: ClassSession, startsAt: Date | undefined, endsAt: Date | undefined): TimeSlot {
  if (startsAt !== undefined && endsAt !== undefined) return TimeSlot.create(startsAt, endsAt);
  if (startsAt !== undefined) return session.slot.movedTo(startsAt);
  return TimeSlot.create(session.slot.startsAt, endsAt as Date);
}
