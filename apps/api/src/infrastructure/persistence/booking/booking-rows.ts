import { sql, type Kysely, type Transaction } from 'kysely';
import type { BookingSnapshot, SpotHoldSnapshot } from '@fitflow/domain-booking';
import type { Database } from '../../database/schema';

type Querier = Kysely<Database> | Transaction<Database>;

/** What a member has on a session, as these queries alias it: a booking `b` or a hold `h`. */
const STAKE_TABLES = { b: 'bookings', h: 'holds' } as const;
type StakeAlias = keyof typeof STAKE_TABLES;

/**
 * Bookings (`b`) or holds (`h`), each joined to its session `s`, the session's trainer `t` and its member `m`, with
 * what both aggregates keep of those three selected (`sessionFactsOf` reads them); the caller selects the stake's
 * own columns. The stake comes last, tied to its session and its member in one condition, because Kysely types a
 * join on a table given by a type parameter only as the last join; to PostgreSQL these are the same inner joins.
 */
function selectStakeRows<A extends StakeAlias>(db: Querier, alias: A) {
  const stake = `${STAKE_TABLES[alias]} as ${alias}` as const;
  return db
    .selectFrom('class_sessions as s')
    .innerJoin('users as t', 't.id', 's.trainer_id')
    .crossJoin('users as m')
    .select([
      'm.id as member_id',
      'm.email as member_email',
      'm.name as member_name',
      's.id as session_id',
      's.name as session_name',
      's.trainer_id',
      't.name as trainer_name',
      's.starts_at',
      's.ends_at',
    ])
    .innerJoin(stake, (join) => join.on(sql<boolean>`${sql.ref(`${alias}.session_id`)} = s.id and ${sql.ref(`${alias}.member_id`)} = m.id`));
}

/** The columns `selectStakeRows` selects for any stake, as Kysely reads them. */
type SessionFactColumns = Awaited<ReturnType<ReturnType<typeof selectStakeRows>['executeTakeFirstOrThrow']>>;

/** What a booking's and a hold's snapshots both say about their member and their session. */
type SessionFacts = Pick<BookingSnapshot & SpotHoldSnapshot, 'memberId' | 'memberEmail' | 'memberName' | 'sessionId' | 'sessionName' | 'trainerName' | 'startsAt' | 'endsAt'>;

function sessionFactsOf(row: SessionFactColumns): SessionFacts {
  return {
    memberId: row.member_id,
    memberEmail: row.member_email,
    memberName: row.member_name,
    sessionId: row.session_id,
    sessionName: row.session_name,
    trainerName: row.trainer_name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
  };
}

/** A booking with everything the aggregate and the view need, in one row. */
export function selectBookingRows(db: Querier) {
  return selectStakeRows(db, 'b').select([
    'b.id',
    'b.status',
    'b.credits_spent',
    'b.created_at',
    'b.cancelled_at',
    'b.refund_percentage',
    'b.credits_refunded',
    'b.cancellation_reason',
    'b.checked_in_at',
    'b.hold_id',
  ]);
}

/** As Kysely reads it: the type follows the query. */
export type BookingJoinedRow = Awaited<ReturnType<ReturnType<typeof selectBookingRows>['executeTakeFirstOrThrow']>>;

export function rowToBookingSnapshot(row: BookingJoinedRow): BookingSnapshot {
  return {
    id: row.id,
    ...sessionFactsOf(row),
    status: row.status,
    creditsSpent: row.credits_spent,
    createdAt: row.created_at,
    cancelledAt: row.cancelled_at,
    refundPercentage: row.refund_percentage,
    creditsRefunded: row.credits_refunded,
    cancellationReason: row.cancellation_reason,
    checkedInAt: row.checked_in_at,
    holdId: row.hold_id,
  };
}

/** A hold with everything the aggregate needs, in one row. */
export function selectHoldRows(db: Querier) {
  return selectStakeRows(db, 'h').select(['h.id', 'h.source', 'h.status', 'h.created_at', 'h.expires_at', 'h.settled_at', 'h.booking_id']);
}

/** As Kysely reads it: the type follows the query. */
export type HoldJoinedRow = Awaited<ReturnType<ReturnType<typeof selectHoldRows>['executeTakeFirstOrThrow']>>;

export function rowToHoldSnapshot(row: HoldJoinedRow): SpotHoldSnapshot {
  return {
    id: row.id,
    ...sessionFactsOf(row),
    source: row.source,
    status: row.status,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    settledAt: row.settled_at,
    bookingId: row.booking_id,
  };
}
