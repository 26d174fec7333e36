import type { Session } from '@fitflow/api-contract';
import { minutesBetween, timeOfDayOf } from '../../../core/time/studio-time';

/**
 * Which series a session belongs to, as a trainer sees one: the same class (its template, or its name when it has
 * none) with the same trainer, at the same wall-clock time and length in the studio's zone. The API keeps no
 * series of its own (a repeat only schedules many sessions at once), and this is what a weekly series looks like
 * on any day, daylight saving included.
 */
export function seriesKey(session: Session, timeZone: string): string {
  const what = session.templateId ? `template:${session.templateId}` : `name:${session.name}`;
  const when = `${timeOfDayOf(session.startsAt, timeZone)}+${minutesBetween(session.startsAt, session.endsAt)}`;
  return `${session.trainerId}|${what}|${when}`;
}

/** The drafts among `sessions` in the same series as any of `chosen`, in the order given. */
export function draftsInSeriesOf(chosen: readonly Session[], sessions: readonly Session[], timeZone: string): Session[] {
  const keys = new Set(chosen.map((session) => seriesKey(session, timeZone)));
  return sessions.filter((session) => session.status === 'draft' && keys.has(seriesKey(session, timeZone)));
}
