import { ClassSession, type ClassSessionSnapshot } from '@fitflow/domain-scheduling';

/** For this library's specs only: a session as the booking rules find it under its lock. */
export const NOW = new Date('2026-12-01T07:00:00.000Z');
export const STARTS = new Date('2026-12-03T07:00:00.000Z');
export const ENDS = new Date('2026-12-03T08:00:00.000Z');

export function session(overrides: Partial<ClassSessionSnapshot> = {}): ClassSession {
  return ClassSession.restore({
    id: 's-1',
    templateId: null,
    trainerId: 't-1',
    name: 'Morning Yoga',
    description: '',
    startsAt: STARTS,
    endsAt: ENDS,
    capacity: 10,
    creditCost: 2,
    status: 'published',
    cancellationReason: null,
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
    updatedAt: new Date('2026-01-01T00:00:00.000Z'),
    ...overrides,
  });
}
