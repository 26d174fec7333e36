import type { Actor, Handler } from '@fitflow/application-shared';
import { BookingNotFoundError } from '@fitflow/domain-booking';
import type { BookingRecord, UserBookingsFinder } from '../../ports';

export interface GetBookingQuery {
  actor: Actor;
  id: string;
}

/**
 * One booking for its member, the session's trainer or an admin; NOT_FOUND for anyone else and unknown ids. Answered
 * with whose it is, so the caller's own rights to it (may they cancel it?) can be shown.
 */
export class GetBookingHandler implements Handler<GetBookingQuery, BookingRecord> {
  constructor(private readonly finder: UserBookingsFinder) {}

  async handle({ actor, id }: GetBookingQuery): Promise<BookingRecord> {
    const record = await this.finder.byId(id);
    const allowed =
      record !== null &&
      (actor.role === 'admin' ||
        record.memberId === actor.userId ||
        (actor.role === 'trainer' && record.trainerId === actor.userId));
    if (!record || !allowed) throw new BookingNotFoundError(id);
    return record;
  }
}
