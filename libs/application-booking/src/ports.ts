import type { Page, PageRequest } from '@fitflow/application-shared';
import type { Booking, BookingStatus } from '@fitflow/domain-booking';
import type { ClassSession } from '@fitflow/domain-scheduling';

// ---- Write side: bound to one transaction by the UnitOfWork ----------------------------------------------------

/**
 * `save` inserts or updates and writes the aggregate's pulled events to the outbox. A unique index on
 * (member, session) where status = 'confirmed' backs "one confirmed booking per member and session".
 */
export interface BookingRepository {
  get(id: string): Promise<Booking | null>;
  /** Locks the booking's row until the transaction ends. */
  getForUpdate(id: string): Promise<Booking | null>;
  /** The member's confirmed booking on the session, if any. */
  findConfirmed(memberId: string, sessionId: string): Promise<Booking | null>;
  save(booking: Booking): Promise<void>;
}

/** The session row as the booking context locks it. */
export interface SessionLocks {
  /**
   * `SELECT ... FOR UPDATE` on the session's row: every booking (and hold) of a session queues here, so counting
   * and inserting cannot race, across any number of API processes.
   */
  getForUpdate(sessionId: string): Promise<ClassSession | null>;
  /** Confirmed bookings plus unexpired holds of the session; call it while holding the lock. */
  takenSpots(sessionId: string): Promise<number>;
  /**
   * `takenSpots` and whether `memberId` holds a confirmed booking on the session, in one statement: call it while
   * holding the lock. One query rather than two keeps the session's lock held for one round trip fewer, and every
   * booking of the session queues behind that lock.
   */
  spotsFor(sessionId: string, memberId: string): Promise<SpotCount>;
}

/** What the booking rule needs to know about a session's spots, read under its lock. */
export interface SpotCount {
  /** Confirmed bookings plus unexpired holds. */
  takenSpots: number;
  /** The member already holds a confirmed booking on the session. */
  alreadyBooked: boolean;
}

/** An account as bookings need it: the member's email and name (and the trainer's name) for self-contained events. */
export interface DirectoryMember {
  id: string;
  email: string;
  name: string;
}

/** Read-only view of the membership context's accounts (members, trainers, admins alike). */
export interface MemberDirectory {
  find(userId: string): Promise<DirectoryMember | null>;
}

/**
 * What one booking transaction works with. `members` is here, not beside the unit of work, so its query runs on
 * the transaction's connection (PGlite has one).
 */
export interface BookingRepositories {
  bookings: BookingRepository;
  sessions: SessionLocks;
  members: MemberDirectory;
}

// ---- Read side: finders answer view models shaped like API.md, never aggregates -------------------------------

/** API.md `Booking`. Instants are ISO-8601 UTC strings. */
export interface BookingView {
  id: string;
  sessionId: string;
  sessionName: string;
  trainerName: string;
  startsAt: string;
  endsAt: string;
  status: BookingStatus;
  createdAt: string;
  cancelledAt: string | null;
  refundPercentage: number | null;
  creditsSpent: number;
  creditsRefunded: number | null;
  checkedInAt: string | null;
  isLate: boolean;
}

/**
 * - `upcoming`: confirmed, session starting after `now`; soonest first.
 * - `past`: confirmed or no_show, session started at or before `now`; latest first.
 * - `cancelled`: cancelled; most recently cancelled first.
 * Ties broken by booking id.
 */
export const BOOKING_SCOPES = ['upcoming', 'past', 'cancelled'] as const;
export type BookingScope = (typeof BOOKING_SCOPES)[number];

export interface MyBookingsFilter extends PageRequest {
  memberId: string;
  scope: BookingScope;
  now: Date;
}

/** A booking's view with who may see it: its member, the session's trainer (and every admin). */
export interface BookingRecord {
  view: BookingView;
  memberId: string;
  trainerId: string;
}

export interface UserBookingsFinder {
  list(filter: MyBookingsFilter): Promise<Page<BookingView>>;
  byId(id: string): Promise<BookingRecord | null>;
}
