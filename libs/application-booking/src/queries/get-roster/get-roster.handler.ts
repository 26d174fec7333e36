import { type Actor, ForbiddenError, type Handler } from '@fitflow/application-shared';
import { SessionNotFoundError } from '@fitflow/application-scheduling';
import { canManage, isSessionVisibleTo } from '@fitflow/domain-scheduling';
import type { Clock } from '@fitflow/domain-shared';
import type { AttendanceFinder, RosterEntryView } from '../../attendance-ports';

export interface GetRosterQuery {
  actor: Actor;
  sessionId: string;
}

/**
 * Who is booked on a session, for the door: its trainer and admins only. NOT_FOUND for an unknown session or one
 * the caller may not see (another trainer's draft); FORBIDDEN for a session they see but do not lead, and for
 * members. Statuses follow the no-show rule at the clock's now.
 */
export class GetRosterHandler implements Handler<GetRosterQuery, RosterEntryView[]> {
  constructor(
    private readonly finder: AttendanceFinder,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, sessionId }: GetRosterQuery): Promise<RosterEntryView[]> {
    if (actor.role === 'member') throw new ForbiddenError('Only trainers and admins see a class’s roster');
    const session = await this.finder.sessionAccess(sessionId);
    if (!session || !isSessionVisibleTo(session, actor)) throw new SessionNotFoundError(sessionId);
    if (!canManage(actor, session.trainerId)) throw new ForbiddenError('A trainer sees the roster of their own classes only');
    return this.finder.roster(sessionId, this.clock.now());
  }
}
