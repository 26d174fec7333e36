import type { Booking, PageOf, Session, Studio, Template } from '@fitflow/api-contract';

export const berlinStudio: Studio = {
  name: 'Harbour Yoga',
  timeZone: 'Europe/Berlin',
  currency: 'EUR',
  holdMinutes: 10,
  waitlistHoldMinutes: 5,
  checkInGraceMinutes: 10,
  cancellationPolicy: [],
};

export const tess = { id: '2f0c5a9e-6a43-4b9e-8d6e-0d3c2b1a0f01', name: 'Tess Trainer' };
export const marco = { id: '2f0c5a9e-6a43-4b9e-8d6e-0d3c2b1a0f02', name: 'Marco Rossi' };

let counter = 0;

/** A published session with spots, overridable field by field. */
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

/** A confirmed booking of a session on Monday 30 November 2026, 07:00 in Berlin (06:00 UTC). */
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
    ...overrides,
  };
}

export const defaultRefundTiers = [
  { hoursBefore: 24, refundPercentage: 100 },
  { hoursBefore: 12, refundPercentage: 50 },
];
