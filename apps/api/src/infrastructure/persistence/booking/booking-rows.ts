import type { Kysely, Transaction } from 'kysely';
import type { BookingSnapshot } from '@fitflow/domain-booking';
import type { Database } from '../../database/schema';

/**
 * A booking joined to its session, its member and the session's trainer: everything the aggregate and the view
 * need in one row.
 */
export function selectBookingRows(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('bookings as b')
    .innerJoin('class_sessions as s', 's.id', 'b.session_id')
    .innerJoin('users as m', 'm.id', 'b.member_id')
    .innerJoin('users as t', 't.id', 's.trainer_id')
    .select([
      'b.id',
      'b.member_id',
      'm.email as member_email',
      'm.name as member_name',
      'b.session_id',
      's.name as session_name',
      's.trainer_id',
      't.name as trainer_name',
      's.starts_at',
      's.ends_at',
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

export interface BookingJoinedRow {
  id: string;
  member_id: string;
  member_email: string;
  member_name: string;
  session_id: string;
  session_name: string;
  trainer_id: string;
  trainer_name: string;
  starts_at: Date;
  ends_at: Date;
  status: BookingSnapshot['status'];
  credits_spent: number;
  created_at: Date;
  cancelled_at: Date | null;
  refund_percentage: number | null;
  credits_refunded: number | null;
  cancellation_reason: string | null;
  checked_in_at: Date | null;
  hold_id: string | null;
}

export function rowToBookingSnapshot(row: BookingJoinedRow): BookingSnapshot {
  return {
    id: row.id,
    memberId: row.member_id,
    memberEmail: row.member_email,
    memberName: row.member_name,
    sessionId: row.session_id,
    sessionName: row.session_name,
    trainerName: row.trainer_name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
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
