import type { CheckInCodes } from '../attendance-ports';

/** Codes that only this fake makes: `checkin:<bookingId>`; anything else is no code of ours. */
export class FakeCheckInCodes implements CheckInCodes {
  codeFor(bookingId: string): string {
    return `checkin:${bookingId}`;
  }

  bookingIdIn(code: string): string | null {
    return code.startsWith('checkin:') ? code.slice('checkin:'.length) : null;
  }
}
