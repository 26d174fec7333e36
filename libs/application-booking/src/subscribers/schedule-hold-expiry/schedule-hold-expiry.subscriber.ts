import type { EventEnvelope, JobData, Jobs, Subscriber } from '@fitflow/application-shared';
import { HOLD_CREATED, type HoldCreated } from '@fitflow/domain-booking';

/**
 * The delayed job that expires one hold at its `expiresAt` (`ExpireHoldHandler`; see `holdExpiryJobId`), and the
 * repeating sweep that expires every hold due (`ExpireHoldsHandler`).
 */
export const HOLD_EXPIRY_JOB = 'hold-expiry';
export const HOLD_EXPIRY_SWEEP = 'hold-expiry-sweep';

/** One job per hold: scheduling it again (a redelivered HoldCreated) changes nothing. */
export function holdExpiryJobId(holdId: string): string {
  return `hold-expiry-${holdId}`;
}

/** The hold a `hold-expiry` job is for, from the data this subscriber gave it. */
export function holdIdOfExpiryJob(data: JobData): string {
  const { holdId } = data;
  if (typeof holdId !== 'string') throw new Error(`A ${HOLD_EXPIRY_JOB} job needs a holdId, got ${JSON.stringify(data)}`);
  return holdId;
}

/**
 * A new hold gets a job at its `expiresAt` that marks that hold expired. The hold stops counting at that instant
 * whether or not the job runs (every count compares `expiresAt` with now), and the every-minute sweep expires any
 * hold whose job was lost: the job only makes `HoldExpired` prompt. Idempotent by construction (the job id is the
 * hold's), so it needs no record in the subscriber's transaction.
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
