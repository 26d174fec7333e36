import { ClassSession, type ClassSessionSnapshot } from '@fitflow/domain-scheduling';
import { CAST } from './cast';
import { SequentialIds } from '@fitflow/application-shared/testing';

/** FAKE_NOW of the booking fakes. */
export const FAKE_NOW = '2026-12-01T07:00:00.000Z';
/** Two days after FAKE_NOW, 07:00–08:00 UTC: 48 h ahead, so every refund tier is still to come. */
export const IN_TWO_DAYS_0700 = '2026-12-03T07:00:00.000Z';
export const IN_TWO_DAYS_0800 = '2026-12-03T08:00:00.000Z';
export const LONG_AGO = new Date('2026-01-01T00:00:00.000Z');

const ids = new SequentialIds('55555555-0000-4000-8000-');

/** Sessions as the booking context finds them under its lock. */
export const SessionMother = {
  snapshot(overrides: Partial<ClassSessionSnapshot> = {}): ClassSessionSnapshot {
    return {
      id: overrides.id ?? ids.next(),
      templateId: null,
      trainerId: CAST.trainer.userId,
      name: 'Morning Yoga',
      description: 'Gentle flow to start the day',
      startsAt: new Date(IN_TWO_DAYS_0700),
      endsAt: new Date(IN_TWO_DAYS_0800),
      capacity: 10,
      creditCost: 2,
      status: 'published',
      cancellationReason: null,
      createdAt: LONG_AGO,
      updatedAt: LONG_AGO,
      ...overrides,
    };
  },

  published(overrides: Partial<ClassSessionSnapshot> = {}): ClassSession {
    return ClassSession.restore(SessionMother.snapshot({ ...overrides, status: 'published' }));
  },

  draft(overrides: Partial<ClassSessionSnapshot> = {}): ClassSession {
    return ClassSession.restore(SessionMother.snapshot({ ...overrides, status: 'draft' }));
  },

  cancelled(overrides: Partial<ClassSessionSnapshot> = {}): ClassSession {
    return ClassSession.restore(
      SessionMother.snapshot({ cancellationReason: 'Studio closed', ...overrides, status: 'cancelled' }),
    );
  },
};
