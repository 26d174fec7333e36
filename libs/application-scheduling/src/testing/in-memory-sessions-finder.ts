import type { Actor, Page } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import { type ClassSessionSnapshot, effectiveSessionStatus, isSessionVisibleTo } from '@fitflow/domain-scheduling';
import type { SessionView, SessionsFilter, SessionsFinder } from '../ports';
import type { InMemoryClassSessionRepository } from './in-memory-class-session-repository';
import type { InMemorySessionOccupancy } from './in-memory-session-occupancy';
import type { InMemoryTrainerDirectory } from './in-memory-trainer-directory';

const byStart = (a: ClassSessionSnapshot, b: ClassSessionSnapshot): number =>
  a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id);

/**
 * Reads the committed session rows with the same rules the SQL finder applies: visibility by viewer, effective
 * status at the clock, counts from the occupancy, filters and order of `SessionsFilter`.
 */
export class InMemorySessionsFinder implements SessionsFinder {
  constructor(
    private readonly sessions: InMemoryClassSessionRepository,
    private readonly trainers: InMemoryTrainerDirectory,
    private readonly occupancy: InMemorySessionOccupancy,
    private readonly clock: Clock,
  ) {}

  async byId(id: string, viewer: Actor | null): Promise<SessionView | null> {
    const row = this.sessions.row(id);
    return row && isSessionVisibleTo(row, viewer) ? this.#toView(row, viewer) : null;
  }

  async byIds(ids: readonly string[], viewer: Actor | null): Promise<SessionView[]> {
    const wanted = new Set(ids);
    return this.sessions
      .rows()
      .filter((row) => wanted.has(row.id) && isSessionVisibleTo(row, viewer))
      .sort(byStart)
      .map((row) => this.#toView(row, viewer));
  }

  async list(filter: SessionsFilter): Promise<Page<SessionView>> {
    const { from, to, trainerId, available, q, viewer, page, pageSize } = filter;
    const needle = q?.toLowerCase();
    const matching = this.sessions
      .rows()
      .filter((row) => isSessionVisibleTo(row, viewer))
      .filter((row) => from === undefined || row.startsAt.getTime() >= from.getTime())
      .filter((row) => to === undefined || row.startsAt.getTime() < to.getTime())
      .filter((row) => trainerId === undefined || row.trainerId === trainerId)
      .sort(byStart)
      .map((row) => this.#toView(row, viewer))
      .filter((view) => !available || (view.status === 'published' && view.availableSpots > 0))
      .filter((view) => needle === undefined || `${view.name}\n${view.description}\n${view.trainerName}`.toLowerCase().includes(needle));
    const items = matching.slice((page - 1) * pageSize, page * pageSize);
    return { items, page, pageSize, total: matching.length };
  }

  #toView(row: ClassSessionSnapshot, viewer: Actor | null): SessionView {
    const { booked, held, waitlisted } = this.occupancy.of(row.id);
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      templateId: row.templateId,
      trainerId: row.trainerId,
      trainerName: this.trainers.nameOf(row.trainerId),
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      capacity: row.capacity,
      creditCost: row.creditCost,
      bookedCount: booked,
      heldCount: held,
      availableSpots: row.capacity - booked - held,
      waitlistCount: waitlisted,
      status: effectiveSessionStatus(row, this.clock.now()),
      cancellationReason: row.cancellationReason,
      ...(viewer && { me: this.occupancy.viewerState(row.id, viewer.userId) }),
    };
  }
}
