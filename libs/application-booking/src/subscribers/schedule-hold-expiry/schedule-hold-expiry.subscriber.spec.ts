import { describe, expect, it } from 'vitest';
import type { JobData, Jobs } from '@fitflow/application-shared';
import { HOLD_CREATED, type HoldCreated } from '@fitflow/domain-booking';
import { HOLD_EXPIRY_JOB, ScheduleHoldExpiry, holdIdOfExpiryJob } from './schedule-hold-expiry.subscriber';

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

const created = { id: 'event-1', event: { type: HOLD_CREATED, aggregateId: 'hold-1', occurredAt: '2026-12-01T08:00:00.000Z', payload: { holdId: 'hold-1', expiresAt: '2026-12-01T08:10:00.000Z' } } } as unknown as {
  id: string;
  event: HoldCreated;
};

describe('ScheduleHoldExpiry', () => {
  it('schedules one expiry job per hold, at its expiresAt, however often the event arrives', async () => {
    const jobs = new RecordingJobs();
    const subscriber = new ScheduleHoldExpiry(jobs);

    await subscriber.handle(created);
    await subscriber.handle(created);

    expect(subscriber).toMatchObject({ name: 'booking.schedule-hold-expiry', eventType: 'HoldCreated' });
    expect([...jobs.scheduled]).toEqual([['hold-expiry-hold-1', { name: HOLD_EXPIRY_JOB, runAt: new Date('2026-12-01T08:10:00.000Z'), data: { holdId: 'hold-1' } }]]);
  });

  it('gives the job the hold it is for, and a job without one is refused', async () => {
    const jobs = new RecordingJobs();
    await new ScheduleHoldExpiry(jobs).handle(created);

    expect(holdIdOfExpiryJob(jobs.scheduled.get('hold-expiry-hold-1')?.data ?? {})).toBe('hold-1');
    expect(() => holdIdOfExpiryJob({})).toThrow(/holdId/);
  });
});
