import type { EventEnvelope, JobData, Jobs, Subscriber } from '@fitflow/application-shared';
import { SESSION_PUBLISHED, SESSION_RESCHEDULED, type SessionPublished, type SessionRescheduled } from '@fitflow/domain-scheduling';

/** The delayed job that marks one session's no-shows at its `endsAt`, and the repeating sweep behind it. */
export const NO_SHOW_JOB = 'no-shows';
export const NO_SHOW_SWEEP = 'no-shows-sweep';

/**
 * One job per session and end: a session moved later gets a new job, and the old one, should it still run, finds
 * the session not over and does nothing.
 */
export function noShowJobId(sessionId: string, endsAt: string): string {
  return `no-shows-${sessionId}-${Date.parse(endsAt)}`;
}

/** The session a `no-shows` job is for, from the data this subscriber gave it. */
export function sessionIdOfNoShowJob(data: JobData): string {
  const { sessionId } = data;
  if (typeof sessionId !== 'string') throw new Error(`A ${NO_SHOW_JOB} job needs a sessionId, got ${JSON.stringify(data)}`);
  return sessionId;
}

/**
 * A published session gets a job at its `endsAt` that marks its no-shows. Every read applies the no-show rule from
 * `endsAt` whether or not the job runs, and the sweep marks any session whose job was lost: the job only makes
 * BookingMarkedNoShow prompt. Idempotent by construction (the job id names the session and its end).
 */
export class ScheduleNoShows implements Subscriber<SessionPublished> {
  readonly name = 'booking.schedule-no-shows';
  readonly eventType = SESSION_PUBLISHED;

  constructor(private readonly jobs: Jobs) {}

  async handle({ event }: EventEnvelope<SessionPublished>): Promise<void> {
    await scheduleAtEnd(this.jobs, event.payload);
  }
}

/** A published session moved: its no-shows are marked at its new end, and the job of its old end is dropped. */
export class RescheduleNoShows implements Subscriber<SessionRescheduled> {
  readonly name = 'booking.reschedule-no-shows';
  readonly eventType = SESSION_RESCHEDULED;

  constructor(private readonly jobs: Jobs) {}

  async handle({ event }: EventEnvelope<SessionRescheduled>): Promise<void> {
    const { sessionId, previousEndsAt } = event.payload;
    await this.jobs.unschedule(NO_SHOW_JOB, noShowJobId(sessionId, previousEndsAt));
    await scheduleAtEnd(this.jobs, event.payload);
  }
}

function scheduleAtEnd(jobs: Jobs, { sessionId, endsAt }: { sessionId: string; endsAt: string }): Promise<void> {
  return jobs.schedule(NO_SHOW_JOB, noShowJobId(sessionId, endsAt), new Date(endsAt), { sessionId });
}
