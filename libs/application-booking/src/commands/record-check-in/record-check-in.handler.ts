import { type Actor, ForbiddenError, type Handler, type UnitOfWork } from '@fitflow/application-shared';
import { BookingNotFoundError, type CheckIn, type CheckInGrace, InvalidCodeError } from '@fitflow/domain-booking';
import { canManage } from '@fitflow/domain-scheduling';
import type { Clock, DomainError } from '@fitflow/domain-shared';
import type { AttendanceRepositories, CheckInCodes, CheckInView } from '../../attendance-ports';

/** By the trainer's button on the roster (`manual`), or by the code scanned from the member's phone (`qr`). */
export type RecordCheckInCommand = { actor: Actor; method: 'manual'; bookingId: string } | { actor: Actor; method: 'qr'; code: string };

/**
 * The session's trainer or an admin checks a member in (members: FORBIDDEN). A booking the caller may not check
 * in is NOT_FOUND by id, as reading it answers, and INVALID_CODE by code: forged, unknown, cancelled and foreign
 * codes all get that one answer. The window, lateness and "once" are the booking's rules (`Booking.checkIn`).
 *
 * Lock order (see `LockedSession`): an unlocked read finds the booking's session and trainer, so a caller without
 * the right takes no lock; then the session row is locked, the right checked again on it (the class may have been
 * handed to another trainer meanwhile), then the booking row. Two scans of one code queue on the session row: the
 * second finds the booking checked in and gets ALREADY_CHECKED_IN.
 */
export class RecordCheckInHandler implements Handler<RecordCheckInCommand, CheckInView> {
  constructor(
    private readonly uow: UnitOfWork<AttendanceRepositories>,
    private readonly codes: CheckInCodes,
    private readonly clock: Clock,
    private readonly grace: CheckInGrace,
  ) {}

  async handle(command: RecordCheckInCommand): Promise<CheckInView> {
    const { actor, method } = command;
    if (actor.role === 'member') throw new ForbiddenError('Only trainers and admins check members in');
    const bookingId = method === 'qr' ? this.codes.bookingIdIn(command.code) : command.bookingId;
    if (bookingId === null) throw new InvalidCodeError();
    const refusal = (): DomainError => (method === 'qr' ? new InvalidCodeError() : new BookingNotFoundError(bookingId));
    return this.uow.transaction(async ({ bookings, sessions, checkIns }) => {
      const place = await checkIns.placeOf(bookingId);
      if (!place || !canManage(actor, place.trainerId)) throw refusal();
      const session = await sessions.getForUpdate(place.sessionId);
      const booking = session && canManage(actor, session.trainerId) ? await bookings.getForUpdate(session, bookingId) : null;
      if (!session || !booking) throw refusal();
      const checkIn = booking.checkIn(session, { method, at: this.clock.now(), grace: this.grace, by: actor.userId });
      await bookings.save(booking);
      await checkIns.add(checkIn);
      return toCheckInView(checkIn);
    });
  }
}

export function toCheckInView(checkIn: CheckIn): CheckInView {
  return {
    bookingId: checkIn.bookingId,
    sessionId: checkIn.sessionId,
    sessionName: checkIn.sessionName,
    userId: checkIn.memberId,
    userName: checkIn.memberName,
    checkedInAt: checkIn.checkedInAt.toISOString(),
    isLate: checkIn.isLate,
    method: checkIn.method,
  };
}
