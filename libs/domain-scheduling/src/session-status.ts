import type { Role } from '@fitflow/domain-membership';

/** Every status a client sees. */
export const SESSION_STATUSES = ['draft', 'published', 'in_progress', 'completed', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * The statuses a session is stored with. `in_progress` and `completed` are never stored: they follow from the
 * clock (see `effectiveSessionStatus`), so no job has to flip them and no reader sees a stale one.
 */
export const STORED_SESSION_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type StoredSessionStatus = (typeof STORED_SESSION_STATUSES)[number];

export interface SessionStatusFacts {
  readonly status: StoredSessionStatus;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/**
 * A session's status at `now`: a published session is `in_progress` from `startsAt` (inclusive) and `completed`
 * from `endsAt` (inclusive); drafts and cancelled sessions stay what they are. SQL readers must agree:
 *
 *   CASE WHEN status = 'published' AND ends_at   <= $now THEN 'completed'
 *        WHEN status = 'published' AND starts_at <= $now THEN 'in_progress'
 *        ELSE status END
 */
export function effectiveSessionStatus({ status, startsAt, endsAt }: SessionStatusFacts, now: Date): SessionStatus {
  if (status !== 'published') return status;
  if (now.getTime() >= endsAt.getTime()) return 'completed';
  if (now.getTime() >= startsAt.getTime()) return 'in_progress';
  return 'published';
}

/** Who looks at the schedule; null for an anonymous visitor. Structurally an application `Actor`. */
export interface Viewer {
  readonly userId: string;
  readonly role: Role;
}

/**
 * Drafts are seen only by their own trainer and by admins; every other status is public (anonymous visitors and
 * members included). SQL readers: `status <> 'draft' OR $role = 'admin' OR ($role = 'trainer' AND trainer_id = $userId)`.
 */
export function isSessionVisibleTo(session: { status: StoredSessionStatus; trainerId: string }, viewer: Viewer | null): boolean {
  if (session.status !== 'draft') return true;
  if (viewer === null) return false;
  return viewer.role === 'admin' || (viewer.role === 'trainer' && viewer.userId === session.trainerId);
}
