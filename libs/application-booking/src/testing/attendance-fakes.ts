import { InMemoryUnitOfWork } from '@fitflow/application-shared/testing';
import { CheckInGrace } from '@fitflow/domain-booking';
import type { AttendanceRepositories } from '../attendance-ports';
import { createBookingFakes } from './booking-fakes';
import { FakeCheckInCodes } from './fake-check-in-codes';
import { InMemoryCheckInRecords } from './in-memory-check-in-records';
import { FAKE_NOW } from './session.mother';

/** The booking fakes plus check-in records and codes, with a 10-minute grace, in one attendance unit of work. */
export function createAttendanceFakes(now: Date | string = FAKE_NOW) {
  const fakes = createBookingFakes(now);
  const checkIns = new InMemoryCheckInRecords(fakes.bookings, fakes.sessions);
  return {
    ...fakes,
    checkIns,
    codes: new FakeCheckInCodes(),
    grace: CheckInGrace.ofMilliseconds(10 * 60_000),
    attendanceUow: new InMemoryUnitOfWork<AttendanceRepositories>({ bookings: fakes.bookings, sessions: fakes.sessions, checkIns }, [fakes.bookings, checkIns]),
  };
}

export type AttendanceFakes = ReturnType<typeof createAttendanceFakes>;
