import type { MembershipRepository } from '@fitflow/application-membership';
import type { Page, PageRequest } from '@fitflow/application-shared';
import type { Booking, BookingStatus, CancelledBy, GrantedSpot, HoldSource, HoldStatus, SpotHold } from '@fitflow/domain-booking';
import type { ClassSession } from '@fitflow/domain-scheduling';

// ---- Write side: bound to one transaction by the UnitOfWork ----------------------------------------------------

declare const sessionRowLocked: unique symbol;

/**
 * A session whose row this transaction holds `FOR UPDATE`. Only `SessionLocks` hands one out, and
 * every method that locks a booking row, or reads spots to decide on one, asks for it: so the compiler enforces
 * ARCHITECTURE.md's lock order — "in every command that changes spots or credits: the session row, then its
 * bookings and holds, then the member's balance. Commands that start from a booking or a hold look up its session
 * and lock that first, so no two commands can wait on each other." The brand exists only in types: an adapter
 * casts to it right after its `SELECT ... FOR UPDATE` answered the row (`shareForSpot` answers a plain `ClassSession`).
 */
export type LockedSession = ClassSession & { readonly [sessionRowLocked]: true };

/** A keyset page: the rows after `afterId` (from the first when null), at most `limit` of them. */
export interface KeysetPage {
  afterId: string | null;
  limit: number;
}

/**
 * `save` inserts or updates and writes the aggregate's pulled events to the outbox. A unique index on
 * (member, session) where status = 'confirmed' backs "one confirmed booking per member and session".
 */
export interface BookingRepository {
  /** Reads without locking: to find the session to lock first, or to show. */
  get(id: string): Promise<Booking | null>;
  /** Locks the booking's row until the transaction ends; null unless it is a booking of `session`. */
  getForUpdate(session: LockedSession, id: string): Promise<Booking | null>;
  /** A page of the session's confirmed bookings in id order, their rows locked until the transaction ends. */
  confirmedForUpdate(session: LockedSession, page: KeysetPage): Promise<Booking[]>;
  save(booking: Booking): Promise<void>;
}

/** The session row as the booking context locks it. */
export interface SessionLocks {
  /**
   * `SELECT ... FOR UPDATE` on the session's row: whatever changes its spots other than a new booking or hold
   * (cancelling, confirming or releasing a hold, a booking whose claim was lost) queues here, alone, so counting and
   * writing cannot race, across any number of API processes. Bookings and holds share the row (`shareForSpot`).
   */
  getForUpdate(sessionId: string): Promise<LockedSession | null>;
  /**
   * Kept bookings (confirmed or no-show) plus unexpired holds of the session, and whether `memberId` holds a kept booking or an
   * unexpired hold on it, in one statement under the session's lock. One query rather than two keeps the lock held for one round trip
   * fewer.
   */
  spotsFor(session: LockedSession, memberId: string): Promise<SpotCount>;
  /**
   * `getForUpdate` and `spotsFor` started together, so they share one round trip: the count is still a statement of
   * its own and runs only once the lock is held. With the name of the session's trainer, for self-contained events.
   * Null as `getForUpdate` answers it.
   */
  lockForSpot(sessionId: string, memberId: string): Promise<SpotCheck | null>;
  /**
   * As `lockForSpot`, but `SELECT ... FOR SHARE`: the session cannot change until the transaction ends (its edits,
   * its cancellation and `lockForSpot` wait), while other bookings and holds that share it go ahead, queueing only on
   * the session's booked-count row from their insert to their commit. The spots may therefore be taken meanwhile: a
   * spot decided on them issues `confirmClaim` right behind its insert.
   */
  shareForSpot(sessionId: string, memberId: string): Promise<SpotCheck<ClassSession> | null>;
  /**
   * Fails the transaction with `SpotTakenMeanwhileError` when the spots changed under the decision: the session
   * keeps more bookings and running holds than its capacity, the new one included, or `spot`'s member holds another
   * spot there that a request of theirs committed meanwhile. Issue it after the spot's insert, in the same round trip
   * as the commit (`commitBehind`): the database checks it, one spot-taker of the session at a time.
   */
  confirmClaim(check: SpotCheck<ClassSession>, spot: GrantedSpot): Promise<void>;
}

/** What a booking or a hold decides on, read with the session's row held, in one round trip (`lockForSpot`, `shareForSpot`). */
export interface SpotCheck<TSession extends ClassSession = LockedSession> {
  session: TSession;
  spots: SpotCount;
  trainerName: string;
}

/** What the booking rule needs to know about a session's spots, read with its row held. */
export interface SpotCount {
  /** Kept bookings (confirmed or no-show) plus unexpired holds. */
  takenSpots: number;
  /** The member already holds a confirmed booking on the session. */
  alreadyBooked: boolean;
  /** The member has a pending hold on the session whose `expiresAt` is still after now. */
  alreadyHolding: boolean;
}

/** An account as bookings need it: the member's email and name (and the trainer's name) for self-contained events. */
export interface DirectoryMember {
  id: string;
  email: string;
  name: string;
}

/** Read-only view of the membership context's accounts (members, trainers, admins alike). */
export interface MemberDirectory {
  /** Those of `userIds` that are accounts, in one read, in no particular order. */
  findAll(userIds: readonly string[]): Promise<DirectoryMember[]>;
}

/**
 * What one booking transaction works with. `members` is here, not beside the unit of work, so its query runs on
 * the transaction's connection (PGlite has one).
 */
export interface BookingRepositories {
  bookings: BookingRepository;
  sessions: SessionLocks;
  members: MemberDirectory;
  /** The membership context's balances: a booking's credits move in the booking's transaction. */
  memberships: MembershipRepository;
}

/**
 * Spot holds, shaped like `BookingRepository` and bound by the same lock order. `save` inserts or updates and writes
 * the hold's pulled events to the outbox; a unique index on (member, session) where status = 'pending' backs "at
 * most one pending hold per member and session".
 */
export interface HoldRepository {
  /** Reads without locking: to find the session to lock first. */
  get(id: string): Promise<SpotHold | null>;
  /** Locks the hold's row until the transaction ends; null unless it is a hold of `session`. */
  getForUpdate(session: LockedSession, id: string): Promise<SpotHold | null>;
  /** The member's pending hold on the session (lapsed or not), its row locked; null when there is none. */
  pendingOfMemberForUpdate(session: LockedSession, memberId: string): Promise<SpotHold | null>;
  /** Pending holds whose `expiresAt` is at or before `now`, oldest deadline first, unlocked: the expiry sweep's list. */
  dueForExpiry(now: Date, limit: number): Promise<DueHold[]>;
  save(hold: SpotHold): Promise<void>;
}

/** A hold the expiry sweep will lock (its session first) and expire. */
export interface DueHold {
  id: string;
  sessionId: string;
}

/**
 * What a hold transaction works with. Kept apart from `BookingRepositories` until the API's unit of work provides
 * `holds`; `sessions.spotsFor` must then count the session's pending holds whose `expiresAt` is after now.
 */
export interface HoldRepositories extends BookingRepositories {
  holds: HoldRepository;
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
  /** Null while not cancelled. */
  cancelledBy: CancelledBy | null;
  /** The studio's reason when the studio cancelled (the session was cancelled); null otherwise. */
  cancellationReason: string | null;
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

/** API.md `Hold`. Instants are ISO-8601 UTC strings. */
export interface HoldView {
  id: string;
  sessionId: string;
  sessionName: string;
  startsAt: string;
  createdAt: string;
  expiresAt: string;
  status: HoldStatus;
  source: HoldSource;
}

export interface UserBookingsFinder {
  list(filter: MyBookingsFilter): Promise<Page<BookingView>>;
  byId(id: string): Promise<BookingRecord | null>;
}
