import type { Booking, Decision, PageOf, Session, Studio, Template } from '@fitflow/api-contract';

export const berlinStudio: Studio = {
  name: 'Harbour Yoga',
  timeZone: 'Europe/Berlin',
  currency: 'EUR',
  holdMinutes: 10,
  waitlistHoldMinutes: 5,
  checkInGraceMinutes: 10,
  cancellationPolicy: [],
  payments: { mode: 'test', publishableKey: null },
};

export const tess = { id: '2f0c5a9e-6a43-4b9e-8d6e-0d3c2b1a0f01', name: 'Tess Trainer' };
export const marco = { id: '2f0c5a9e-6a43-4b9e-8d6e-0d3c2b1a0f02', name: 'Marco Rossi' };

let counter = 0;

/** A decision of the API's `actions`: allowed. */
export const allowed: Decision = { allowed: true, code: null, reason: null };

/** A decision of the API's `actions`: refused with the problem code and sentence the API would answer. */
export function refused(code: string, reason: string): Decision {
  return { allowed: false, code, reason };
}

/** As the API answers a full session, to anyone. */
export const full = refused('SESSION_FULL', 'This session is full');

/** A session's `actions` as the API answers an anonymous visitor where a member could book. */
export const anonymousActions: Session['actions'] = {
  book: refused('UNAUTHENTICATED', 'Sign in to book this class'),
  hold: refused('UNAUTHENTICATED', 'Sign in to hold a spot'),
};

/**
 * A published session with spots, overridable field by field: a signed-in caller may book it and hold a spot, and
 * cancelling a booking of it (1 credit) would refund 100 % until 24 h before its start, then 50 % (0 credits).
 */
export function aSession(overrides: Partial<Session> = {}): Session {
  counter += 1;
  return {
    id: `7c1d2e3f-4a5b-4c6d-8e7f-${String(counter).padStart(12, '0')}`,
    name: 'Morning Yoga',
    description: 'A gentle flow.',
    templateId: null,
    trainerId: tess.id,
    trainerName: tess.name,
    startsAt: '2026-11-30T06:00:00.000Z',
    endsAt: '2026-11-30T07:00:00.000Z',
    capacity: 12,
    creditCost: 1,
    bookedCount: 0,
    heldCount: 0,
    availableSpots: 12,
    waitlistCount: 0,
    status: 'published',
    cancellationReason: null,
    actions: { book: allowed, hold: allowed },
    refundOutlook: { percentage: 100, credits: 1, changesAt: '2026-11-29T06:00:00.000Z', nextPercentage: 50, nextCredits: 0 },
    ...overrides,
  };
}

export function aTemplate(overrides: Partial<Template> = {}): Template {
  return {
    id: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d01',
    name: 'Morning Yoga',
    description: 'A gentle flow.',
    durationMinutes: 60,
    capacity: 12,
    creditCost: 1,
    trainerId: tess.id,
    trainerName: tess.name,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

export function pageOf<T>(items: T[], total = items.length, page = 1, pageSize = 20): PageOf<T> {
  return { items, page, pageSize, total };
}

/**
 * A confirmed booking (2 credits) of a session on Monday 30 November 2026, 07:00 in Berlin (06:00 UTC), which its
 * member may cancel for 100 % back until 24 h before the start, then 50 %. One that cannot be cancelled any more
 * (cancelled, started) also takes `...notCancellable()`.
 */
export function aBooking(overrides: Partial<Booking> = {}): Booking {
  counter += 1;
  return {
    id: `9a8b7c6d-5e4f-4a3b-8c2d-${String(counter).padStart(12, '0')}`,
    sessionId: '7c1d2e3f-4a5b-4c6d-8e7f-000000000001',
    sessionName: 'Morning Yoga',
    trainerName: tess.name,
    startsAt: '2026-11-30T06:00:00.000Z',
    endsAt: '2026-11-30T07:00:00.000Z',
    status: 'confirmed',
    createdAt: '2026-11-20T09:00:00.000Z',
    cancelledAt: null,
    refundPercentage: null,
    creditsSpent: 2,
    creditsRefunded: null,
    cancelledBy: null,
    cancellationReason: null,
    checkedInAt: null,
    isLate: false,
    actions: { cancel: allowed },
    refundOutlook: { percentage: 100, credits: 2, changesAt: '2026-11-29T06:00:00.000Z', nextPercentage: 50, nextCredits: 1 },
    ...overrides,
  };
}

/** What the API answers for a booking that can no longer be cancelled (merge into `aBooking`'s overrides). */
export function notCancellable(
  reason = 'This booking is cancelled and cannot be cancelled',
): Pick<Booking, 'actions' | 'refundOutlook'> {
  return { actions: { cancel: refused('INVALID_STATE', reason) }, refundOutlook: null };
}

export const defaultRefundTiers = [
  { hoursBefore: 24, refundPercentage: 100 },
  { hoursBefore: 12, refundPercentage: 50 },
];
