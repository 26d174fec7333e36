import { SpotHold, type SpotHoldSnapshot } from '@fitflow/domain-booking';
import type { ClassSession } from '@fitflow/domain-scheduling';
import { type CastMember, stakeOf } from './cast';
import { FAKE_NOW } from './session.mother';
import { SequentialIds } from '@fitflow/application-shared/testing';

const ids = new SequentialIds('77777777-0000-4000-8000-');
const TEN_MINUTES = 10 * 60_000;

/** Stored holds: pending by default, of `who` on `session`, made at FAKE_NOW and expiring 10 minutes later. */
export const HoldMother = {
  snapshot(session: ClassSession, who: CastMember = 'member', overrides: Partial<SpotHoldSnapshot> = {}): SpotHoldSnapshot {
    const createdAt = new Date(FAKE_NOW);
    return {
      id: overrides.id ?? ids.next(),
      ...stakeOf(session, who),
      source: 'member',
      status: 'pending',
      createdAt,
      expiresAt: new Date(createdAt.getTime() + TEN_MINUTES),
      settledAt: null,
      bookingId: null,
      ...overrides,
    };
  },

  pending(session: ClassSession, who: CastMember = 'member', overrides: Partial<SpotHoldSnapshot> = {}): SpotHold {
    return SpotHold.restore(HoldMother.snapshot(session, who, { ...overrides, status: 'pending' }));
  },

  /** A hold settled at FAKE_NOW: released or expired (a confirmed one needs its booking too). */
  settled(session: ClassSession, status: 'released' | 'expired', who: CastMember = 'member'): SpotHold {
    return SpotHold.restore(HoldMother.snapshot(session, who, { status, settledAt: new Date(FAKE_NOW) }));
  },
};
