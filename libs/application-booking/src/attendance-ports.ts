import type { BookingStatus, CheckIn, CheckInMethod } from '@fitflow/domain-booking';
import type { StoredSessionStatus } from '@fitflow/domain-scheduling';
import type { BookingRepository, SessionLocks } from './ports';

// ---- Write side ---------------------------------------------------------------------------------------------

/** Where a booking takes place, read without locking: to check the caller's right and find the session to lock first. */
export interface BookingPlace {
  sessionId: string;
  trainerId: string;
}

/**
 * The check-in records beside the bookings: how each member was checked in (the booking keeps when). One per
 * booking, backed by the table's primary key.
 */
export interface CheckInRecords {
  placeOf(bookingId: string): Promise<BookingPlace | null>;
  add(checkIn: CheckIn): Promise<void>;
  /**
   * Sessions that ended at or before `now` and still have confirmed bookings without a check-in, soonest end first,
   * unlocked: the no-show sweep's list.
   */
  sessionsDueForNoShows(now: Date, limit: number): Promise<string[]>;
}

/** What one attendance transaction works with, bound by the lock order: the session row, then its bookings. */
export interface AttendanceRepositories {
  bookings: BookingRepository;
  sessions: SessionLocks;
  checkIns: CheckInRecords;
}

/**
 * A member's check-in code, bound to one booking and unguessable: it cannot be made from the booking id without the
 * server's secret.
 */
export interface CheckInCodes {
  codeFor(bookingId: string): string;
  /** The booking a genuine code was made for; null for anything else (malformed, forged, made with another secret). */
  bookingIdIn(code: string): string | null;
}

// ---- Read side: view models shaped like API.md ---------------------------------------------------------------

/** API.md `CheckIn`, with the session's name and the member's id for the door's answer. */
export interface CheckInView {
  bookingId: string;
  sessionId: string;
  sessionName: string;
  userId: string;
  userName: string;
  checkedInAt: string;
  isLate: boolean;
  method: CheckInMethod;
}

/** One booked member of a session, as the door sees them. `status` is effective (no-show from the end). */
export interface RosterEntryView {
  bookingId: string;
  userId: string;
  name: string;
  email: string;
  status: Exclude<BookingStatus, 'cancelled'>;
  checkedInAt: string | null;
  isLate: boolean;
  method: CheckInMethod | null;
}

/** One session of the attendance report; counts follow the no-show rule at the time of the report. */
export interface AttendanceRowView {
  sessionId: string;
  name: string;
  templateId: string | null;
  trainerId: string;
  trainerName: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  /** Bookings not cancelled: confirmed (checked in or not) and no-shows. */
  booked: number;
  checkedIn: number;
  /** Of `checkedIn`, those after the start plus the grace. */
  late: number;
  noShow: number;
}

/** What the member shows at the door: the code and when the door opens and closes. */
export interface CheckInCodeView {
  bookingId: string;
  code: string;
  opensAt: string;
  closesAt: string;
}

/** A booking as the check-in code query needs it; `status` effective at the finder's `now`. */
export interface CodeHolder {
  bookingId: string;
  memberId: string;
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
}

/** Sessions starting in `[from, to)`, of one trainer or (null) of all. */
export interface AttendanceReportFilter {
  from: Date;
  to: Date;
  trainerId: string | null;
  now: Date;
}

export interface AttendanceFinder {
  /** The session's trainer and stored status, for who may see its roster; null when there is none. */
  sessionAccess(sessionId: string): Promise<{ trainerId: string; status: StoredSessionStatus } | null>;
  /** The session's bookings that are not cancelled, by member name. */
  roster(sessionId: string, now: Date): Promise<RosterEntryView[]>;
  /** Published sessions (not drafts, not cancelled) of the range, by start. */
  report(filter: AttendanceReportFilter): Promise<AttendanceRowView[]>;
  codeHolder(bookingId: string, now: Date): Promise<CodeHolder | null>;
}
