import { describe, expect, it } from 'vitest';
import type { JobData, Jobs } from '@fitflow/application-shared';
import { SESSION_PUBLISHED, SESSION_RESCHEDULED, type SessionPublished, type SessionRescheduled } from '@fitflow/domain-scheduling';
import { NO_SHOW_JOB, RescheduleNoShows, ScheduleNoShows, noShowJobId, sessionIdOfNoShowJob } from './schedule-no-shows.subscriber';

/** Jobs that keep what they were asked, as BullMQ does: one job per id. */
class RecordingJobs implements Jobs {
  readonly scheduled = new Map<string, { name: string; runAt: Date; data: JobData }>();
  async schedule(name: string, id: string, runAt: Date, data: JobData): Promise<void> {
    if (!this.scheduled.has(id)) this.scheduled.set(id, { name, runAt, data });
  }
  async unschedule(_name: string, id: string): Promise<void> {
    this.scheduled.delete(id);
  }
}

const facts = { sessionId: 's-1', name: 'Morning Yoga', startsAt: '2026-12-03T07:00:00.000Z', endsAt: '2026-12-03T08:00:00.000Z', trainerId: 't-1', trainerName: 'Tara' };
const published = { id: 'e-1', event: { type: SESSION_PUBLISHED, aggregateId: 's-1', occurredAt: '2026-12-01T07:00:00.000Z', payload: { ...facts, capacity: 10, creditCost: 1 } } } as {
  id: string;
  event: SessionPublished;
};
const moved = {
  id: 'e-2',
  event: {
    type: SESSION_RESCHEDULED,
    aggregateId: 's-1',
    occurredAt: '2026-12-01T08:00:00.000Z',
    payload: { ...facts, startsAt: '2026-12-04T07:00:00.000Z', endsAt: '2026-12-04T08:00:00.000Z', previousStartsAt: facts.startsAt, previousEndsAt: facts.endsAt },
  },
} as { id: string; event: SessionRescheduled };

describe('ScheduleNoShows and RescheduleNoShows', () => {
  it('schedules one no-show job per published session at its end, however often the event arrives', async () => {
    const jobs = new RecordingJobs();
    const subscriber = new ScheduleNoShows(jobs);

    await subscriber.handle(published);
    await subscriber.handle(published);

    expect(subscriber).toMatchObject({ name: 'booking.schedule-no-shows', eventType: 'SessionPublished' });
    expect([...jobs.scheduled]).toEqual([[noShowJobId('s-1', facts.endsAt), { name: NO_SHOW_JOB, runAt: new Date(facts.endsAt), data: { sessionId: 's-1' } }]]);
    expect(sessionIdOfNoShowJob({ sessionId: 's-1' })).toBe('s-1');
    expect(() => sessionIdOfNoShowJob({})).toThrow(/sessionId/);
  });

  it('moves the job to a moved session’s new end', async () => {
    const jobs = new RecordingJobs();
    await new ScheduleNoShows(jobs).handle(published);

    const subscriber = new RescheduleNoShows(jobs);
    await subscriber.handle(moved);

    expect(subscriber).toMatchObject({ name: 'booking.reschedule-no-shows', eventType: 'SessionRescheduled' });
    expect([...jobs.scheduled.values()]).toEqual([{ name: NO_SHOW_JOB, runAt: new Date('2026-12-04T08:00:00.000Z'), data: { sessionId: 's-1' } }]);
    expect(noShowJobId('s-1', '2026-12-04T08:00:00.000Z')).toMatch(/^no-shows-s-1-\d+$/);
  });
});
