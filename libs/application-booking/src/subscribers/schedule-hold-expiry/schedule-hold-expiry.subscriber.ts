import type { EventEnvelope, Jobs, Subscriber } from '@fitflow/application-shared';
import { HOLD_CREATED, type HoldCreated } from '@fitflow/domain-booking';

/** The delayed job that expires holds when one falls due, and its repeating sweep (see `holdExpiryJobId`). */
export const HOLD_EXPIRY_JOB = 'hold-expiry';
export const HOLD_EXPIRY_SWEEP = 'hold-expiry-sweep';

/** One job per hold: scheduling it again (a redelivered HoldCreated) changes nothing. */
export function holdExpiryJobId(holdId: string): string {
  return `hold-expiry-${holdId}`;
}

/**
 * A new hold gets a job at its `expiresAt` that marks it expired. The hold stops counting at that instant whether
 * or not the job runs (every count compares `expiresAt` with now), and the every-minute sweep expires any hold whose
 * job was lost: the job only makes `HoldExpired` prompt. Idempotent by construction (the job id is the hold's), so
 * it needs no record in the subscriber's transaction.
 */
export class ScheduleHoldExpiry implements Subscriber<HoldCreated> {
  readonly name = 'booking.schedule-hold-expiry';
  readonly eventType = HOLD_CREATED;

  constructor(private readonly jobs: Jobs) {}

  async handle({ event }: EventEnvelope<HoldCreated>): Promise<void> {
    const { holdId, expiresAt } = event.payload;
    await this.jobs.schedule(HOLD_EXPIRY_JOB, holdExpiryJobId(holdId), new Date(expiresAt), { holdId });
  }
}
