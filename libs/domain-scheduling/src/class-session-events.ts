import type { DomainEvent } from '@fitflow/domain-shared';

export const SESSION_SCHEDULED = 'SessionScheduled';
export const SESSION_PUBLISHED = 'SessionPublished';
export const SESSION_RESCHEDULED = 'SessionRescheduled';
export const SESSION_CANCELLED = 'SessionCancelled';
export const SESSION_CAPACITY_CHANGED = 'SessionCapacityChanged';
export const SESSION_REASSIGNED = 'SessionReassigned';
export const SESSION_DISCARDED = 'SessionDiscarded';

/** What every session event carries, so a notification or a calendar entry needs no query back. */
export interface SessionFacts {
  sessionId: string;
  name: string;
  /** ISO-8601 UTC instants. */
  startsAt: string;
  endsAt: string;
  trainerId: string;
  trainerName: string;
}

/** A draft was put on the schedule (visible to its trainer and admins only). */
export type SessionScheduled = DomainEvent<
  typeof SESSION_SCHEDULED,
  SessionFacts & { templateId: string | null; capacity: number; creditCost: number }
>;

/** The session is open for booking. */
export type SessionPublished = DomainEvent<typeof SESSION_PUBLISHED, SessionFacts & { capacity: number; creditCost: number }>;

/** A published session moved: booked members must be told. `startsAt`/`endsAt` are the new times. */
export type SessionRescheduled = DomainEvent<
  typeof SESSION_RESCHEDULED,
  SessionFacts & { previousStartsAt: string; previousEndsAt: string }
>;

/** Bookings must be cancelled with a full refund, holds released and the waitlist emptied (when it was published). */
export type SessionCancelled = DomainEvent<
  typeof SESSION_CANCELLED,
  SessionFacts & { reason: string; previousStatus: 'draft' | 'published' }
>;

/** A published session's capacity changed; when raised, the waitlist is promoted. */
export type SessionCapacityChanged = DomainEvent<
  typeof SESSION_CAPACITY_CHANGED,
  SessionFacts & { previousCapacity: number; capacity: number }
>;

/** A published session has another trainer; `trainerId`/`trainerName` are the new one. */
export type SessionReassigned = DomainEvent<typeof SESSION_REASSIGNED, SessionFacts & { previousTrainerId: string }>;

/**
 * A draft was deleted. Nobody but its trainer and the admins ever saw it, and nobody booked, held or checked in to
 * it (only published sessions take any of those), so no one is told; the event keeps the record of what it was.
 */
export type SessionDiscarded = DomainEvent<typeof SESSION_DISCARDED, SessionFacts & { templateId: string | null }>;

export type ClassSessionEvent =
  | SessionScheduled
  | SessionPublished
  | SessionRescheduled
  | SessionCancelled
  | SessionCapacityChanged
  | SessionReassigned
  | SessionDiscarded;
