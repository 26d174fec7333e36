import type { Handler, UnitOfWork } from '@fitflow/application-shared';
import type { Booking } from '@fitflow/domain-booking';
import type { Clock } from '@fitflow/domain-shared';
import type { AttendanceRepositories } from '../../attendance-ports';

/** Bookings marked per locked read: a session holds at most 500, so a few batches at most. */
export const NO_SHOW_BATCH = 100;

/** One session's no-shows (its job at `endsAt`), or those of every session due, at most `limit` sessions (the sweep). */
export type MarkNoShowsCommand = { sessionId: string } | { limit: number };

/**
 * Stores the no-show rule: once a session has ended, each of its confirmed bookings without a check-in becomes
 * `no_show` and records BookingMarkedNoShow. Every read shows them as no-shows from `endsAt` already; this makes the
 * status (and the event) durable. One transaction per session, its row locked first, then its confirmed bookings a
 * batch at a time. A session not over yet (a job of a class that was moved later) or not published is left alone,
 * and a second run finds nothing to mark. Answers how many bookings it marked.
 */
export class MarkNoShowsHandler implements Handler<MarkNoShowsCommand, number> {
  constructor(
    private readonly uow: UnitOfWork<AttendanceRepositories>,
    private readonly clock: Clock,
    private readonly batchSize = NO_SHOW_BATCH,
  ) {}

  async handle(command: MarkNoShowsCommand): Promise<number> {
    const now = this.clock.now();
    const sessionIds = 'sessionId' in command ? [command.sessionId] : await this.uow.transaction(({ checkIns }) => checkIns.sessionsDueForNoShows(now, command.limit));
    let marked = 0;
    for (const sessionId of sessionIds) marked += await this.#markSession(sessionId, now);
    return marked;
  }

  #markSession(sessionId: string, now: Date): Promise<number> {
    return this.uow.transaction(async ({ sessions, bookings }) => {
      const session = await sessions.getForUpdate(sessionId);
      if (session?.statusAt(now) !== 'completed') return 0;
      let marked = 0;
      let batch: Booking[];
      let afterId: string | null = null;
      do {
        batch = await bookings.confirmedForUpdate(session, { afterId, limit: this.batchSize });
        for (const booking of batch.filter((one) => one.isDueForNoShowAt(now))) {
          booking.markNoShow(now);
          await bookings.save(booking);
          marked += 1;
        }
        afterId = batch.at(-1)?.id ?? afterId;
      } while (batch.length === this.batchSize);
      return marked;
    });
  }
}
