import type { Actor, Handler } from '@fitflow/application-shared';
import { BookingNotFoundError, CheckInWindow, describeBookingStatus } from '@fitflow/domain-booking';
import { InvalidStateError, type Clock } from '@fitflow/domain-shared';
import type { AttendanceFinder, CheckInCodeView, CheckInCodes } from '../../attendance-ports';

export interface GetCheckInCodeQuery {
  actor: Actor;
  bookingId: string;
}

/**
 * The code its member shows at the door (as text, and as the QR code drawn from it), with when the door opens and
 * closes. Its member only: NOT_FOUND for anyone else, admins and the trainer included, so the code never leaves the
 * member's hands. INVALID_STATE for a cancelled booking or a no-show: there is no door left to open.
 */
export class GetCheckInCodeHandler implements Handler<GetCheckInCodeQuery, CheckInCodeView> {
  constructor(
    private readonly finder: AttendanceFinder,
    private readonly codes: CheckInCodes,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, bookingId }: GetCheckInCodeQuery): Promise<CheckInCodeView> {
    const booking = await this.finder.codeHolder(bookingId, this.clock.now());
    if (!booking || booking.memberId !== actor.userId) throw new BookingNotFoundError(bookingId);
    if (booking.status !== 'confirmed') throw new InvalidStateError(`This booking is ${describeBookingStatus(booking.status)}: it has no check-in code`);
    const window = CheckInWindow.of(booking);
    return { bookingId, code: this.codes.codeFor(bookingId), opensAt: window.opensAt.toISOString(), closesAt: window.closesAt.toISOString() };
  }
}
