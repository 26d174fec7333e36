import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps go in as Date or ISO string and come out as Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in (`default now()`) when an insert leaves it out. */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Text the database fills in (`default ''`) when an insert leaves it out. */
type DefaultedText = ColumnType<string, string | undefined, string>;
/** A count the database starts at 0 (`default 0`) when an insert leaves it out. */
type DefaultedCount = ColumnType<number, number | undefined, number>;

export interface UsersTable {
  id: string;
  /** Normalised (lower case): the unique index makes "one account per email" hold under concurrency. */
  email: string;
  name: string;
  role: 'member' | 'trainer' | 'admin';
  password_hash: string;
  /** Moves on at each password change; access and refresh tokens carry the version they were issued under. */
  credentials_version: DefaultedCount;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface RefreshTokensTable {
  id: string;
  family_id: string;
  user_id: string;
  token_hash: string;
  /** The account's credentials version when the family began: a refresh under an older one is refused. */
  credentials_version: DefaultedCount;
  issued_at: DefaultedTimestamp;
  expires_at: Timestamp;
  rotated_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface OutboxTable {
  /** Also the event's id, which idempotent handlers key their work on. */
  id: string;
  /** Orders events in commit-independent insertion order (int8, read as a number: see type-parsers.ts). */
  seq: Generated<number>;
  type: string;
  aggregate_id: string;
  payload: ColumnType<object, string, string>;
  occurred_at: Timestamp;
  published_at: Timestamp | null;
}

/** The inbox: see migrations/0005-event-deliveries.ts. */
export interface EventDeliveriesTable {
  event_id: string;
  subscriber: string;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: DefaultedTimestamp;
  finished_at: Timestamp | null;
}

export type DeliveryStatus = 'pending' | 'handled' | 'parked';

export interface ClassTemplatesTable {
  id: string;
  trainer_id: string;
  name: string;
  description: DefaultedText;
  duration_minutes: number;
  capacity: number;
  credit_cost: number;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface ClassSessionsTable {
  id: string;
  /** The template it was scheduled from; null without one, or once that template was deleted. */
  template_id: string | null;
  trainer_id: string;
  name: string;
  description: DefaultedText;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number;
  credit_cost: number;
  /** As stored; `in_progress` and `completed` follow from the clock (see `effectiveSessionStatus`). */
  status: 'draft' | 'published' | 'cancelled';
  cancellation_reason: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

/**
 * The bookings a session keeps (confirmed or no-show), one row per session that has had one, kept by the
 * `bookings_count_kept` trigger (migration 0011): never written by hand.
 */
export interface SessionBookedCountsTable {
  session_id: string;
  booked: number;
}

export interface BookingsTable {
  id: string;
  session_id: string;
  member_id: string;
  status: 'confirmed' | 'cancelled' | 'no_show';
  credits_spent: number;
  credits_refunded: number | null;
  refund_percentage: number | null;
  created_at: DefaultedTimestamp;
  cancelled_at: Timestamp | null;
  checked_in_at: Timestamp | null;
  /** The studio's reason when it cancelled the booking (the session was cancelled); null otherwise. */
  cancellation_reason: string | null;
  /** The hold whose spot this booking took over; null for a direct booking. */
  hold_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Spot holds: see migrations/0007-holds.ts. */
export interface HoldsTable {
  id: string;
  session_id: string;
  member_id: string;
  source: 'member' | 'waitlist';
  status: 'pending' | 'confirmed' | 'expired' | 'released';
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
  /** When it was confirmed, released or expired; null while pending. */
  settled_at: Timestamp | null;
  /** The booking it became; null unless confirmed. */
  booking_id: string | null;
}

/** How each booking was checked in (see migration 0008); when is `bookings.checked_in_at`. */
export interface CheckInsTable {
  booking_id: string;
  session_id: string;
  method: 'manual' | 'qr';
  is_late: boolean;
  /** The trainer or admin who checked the member in; null once their account is gone. */
  recorded_by: string | null;
}

/** The first answer to an idempotency key (see migration 0004). */
export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  /** SHA-256 of the canonical request: method, route, params, query and body. */
  fingerprint: string;
  created_at: DefaultedTimestamp;
  /** Set while a request works on the key; null once it answered or let go. */
  lock_token: string | null;
  locked_at: Timestamp | null;
  /** `{ value }`: the result of the request's unit of work, committed with its change. */
  effect: ColumnType<{ value: unknown } | null, string | null, string | null>;
  response_status: number | null;
  response_headers: ColumnType<Record<string, string> | null, string | null, string | null>;
  response_body: string | null;
  completed_at: Timestamp | null;
}

/** Credit packages the studio sells (see migration 0009); retired ones stay for the purchases that name them. */
export interface CreditPackagesTable {
  id: string;
  name: string;
  credits: number;
  price_cents: number;
  /** ISO 4217, upper case. */
  currency: string;
  validity_days: number;
  active: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A member's balance, opened on first use; locked by every change of it (see migration 0009). */
export interface MembershipsTable {
  member_id: string;
  balance: ColumnType<number, number | undefined, number>;
  valid_until: Timestamp | null;
  /** The `valid_until` the member was last told about. */
  expiry_notice_for: Timestamp | null;
  updated_at: DefaultedTimestamp;
}

/** The ledger: one line per change of a balance, with the balance after it. */
export interface CreditTransactionsTable {
  id: string;
  /** Orders the lines of one instant (int8, read as a number: see type-parsers.ts). */
  seq: Generated<number>;
  member_id: string;
  type: 'purchase' | 'booking' | 'refund' | 'expiry' | 'adjustment';
  /** Signed: positive adds, negative takes. */
  amount: number;
  balance_after: number;
  description: string;
  booking_id: string | null;
  purchase_id: string | null;
  created_at: Timestamp;
}

/** One attempt to buy a package by card, with the package's terms as bought. */
export interface PurchasesTable {
  id: string;
  member_id: string;
  package_id: string;
  package_name: string;
  credits: number;
  price_cents: number;
  currency: string;
  validity_days: number;
  status: 'pending' | 'requires_action' | 'succeeded' | 'failed';
  payment_intent_id: string | null;
  client_secret: string | null;
  failure_reason: string | null;
  /** The Idempotency-Key of the request that started it, unique per member; written once, on insert. */
  request_key: ColumnType<string | null, string | null | undefined, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Payment gateway events already handled, by the gateway's event id. */
export interface PaymentEventsTable {
  id: string;
  received_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  outbox: OutboxTable;
  event_deliveries: EventDeliveriesTable;
  class_templates: ClassTemplatesTable;
  class_sessions: ClassSessionsTable;
  bookings: BookingsTable;
  session_booked_counts: SessionBookedCountsTable;
  holds: HoldsTable;
  check_ins: CheckInsTable;
  idempotency_keys: IdempotencyKeysTable;
  credit_packages: CreditPackagesTable;
  memberships: MembershipsTable;
  credit_transactions: CreditTransactionsTable;
  purchases: PurchasesTable;
  payment_events: PaymentEventsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type EventDeliveryRow = Selectable<EventDeliveriesTable>;
export type ClassTemplateRow = Selectable<ClassTemplatesTable>;
export type ClassSessionRow = Selectable<ClassSessionsTable>;
export type BookingRow = Selectable<BookingsTable>;
export type HoldRow = Selectable<HoldsTable>;
export type IdempotencyKeyRow = Selectable<IdempotencyKeysTable>;
export type CreditPackageRow = Selectable<CreditPackagesTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type CreditTransactionRow = Selectable<CreditTransactionsTable>;
export type PurchaseRow = Selectable<PurchasesTable>;
