import type { Session } from '@fitflow/api-contract';
import { type DateKey, dateKeyOf, formatDay, timeOfDayOf } from '../../core/time/studio-time';

export type BadgeKind = 'open' | 'few' | 'full' | 'cancelled' | 'draft' | 'past';

export interface Badge {
  label: string;
  kind: BadgeKind;
}

/** Spots left on a bookable session counts as "few" from here down. */
export const FEW_SPOTS = 3;

/** The session's state when it is not simply open for booking: Draft, Cancelled, In progress, Finished. */
export function statusBadge(session: Pick<Session, 'status'>): Badge | null {
  switch (session.status) {
    case 'draft':
      return { label: 'Draft', kind: 'draft' };
    case 'cancelled':
      return { label: 'Cancelled', kind: 'cancelled' };
    case 'in_progress':
      return { label: 'In progress', kind: 'past' };
    case 'completed':
      return { label: 'Finished', kind: 'past' };
    default:
      return null;
  }
}

/** "3 left", "Full" for a published session; "12 spots" for a draft; nothing once it is over or cancelled. */
export function spotsBadge(session: Pick<Session, 'status' | 'availableSpots' | 'capacity'>): Badge | null {
  if (session.status === 'draft') return { label: `${session.capacity} ${session.capacity === 1 ? 'spot' : 'spots'}`, kind: 'open' };
  if (session.status !== 'published') return null;
  if (session.availableSpots <= 0) return { label: 'Full', kind: 'full' };
  return { label: `${session.availableSpots} left`, kind: session.availableSpots <= FEW_SPOTS ? 'few' : 'open' };
}

export interface DayGroup<T> {
  /** The studio's calendar day. */
  date: DateKey;
  /** "Monday 30 November". */
  label: string;
  sessions: T[];
}

/**
 * Sessions grouped by the day they start on in the studio's zone (not the browser's), in the order given (the
 * API answers by start time).
 */
export function groupByStudioDay<T extends Pick<Session, 'startsAt'>>(
  sessions: readonly T[],
  timeZone: string,
  currentYear?: number,
): DayGroup<T>[] {
  const groups = new Map<DateKey, DayGroup<T>>();
  for (const session of sessions) {
    const date = dateKeyOf(session.startsAt, timeZone);
    let group = groups.get(date);
    if (!group) {
      group = { date, label: formatDay(date, currentYear), sessions: [] };
      groups.set(date, group);
    }
    group.sessions.push(session);
  }
  return [...groups.values()];
}

/** "0 credits", "1 credit", "3 credits". */
export function creditsLabel(credits: number): string {
  return credits === 1 ? '1 credit' : `${credits} credits`;
}

/** What a session costs: "Free", "1 credit", "3 credits". */
export function costLabel(creditCost: number): string {
  return creditCost === 0 ? 'Free' : creditsLabel(creditCost);
}

/** "Morning Yoga on Monday 30 November at 07:30", at the studio's time. */
export function describeSession(session: Pick<Session, 'name' | 'startsAt'>, timeZone: string): string {
  return `${session.name} on ${formatDay(dateKeyOf(session.startsAt, timeZone))} at ${timeOfDayOf(session.startsAt, timeZone)}`;
}
