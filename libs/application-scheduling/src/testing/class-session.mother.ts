import { ClassSession, type ClassSessionSnapshot } from '@fitflow/domain-scheduling';
import { CAST } from './cast';
import { LONG_AGO } from './class-template.mother';
import { SequentialIds } from '@fitflow/application-shared/testing';

/** The day after FAKE_NOW, 07:00–08:00 UTC. */
export const TOMORROW_0700 = '2026-12-02T07:00:00.000Z';
export const TOMORROW_0800 = '2026-12-02T08:00:00.000Z';

const ids = new SequentialIds('55555555-0000-4000-8000-');

export const ClassSessionMother = {
  snapshot(overrides: Partial<ClassSessionSnapshot> = {}): ClassSessionSnapshot {
    return {
      id: overrides.id ?? ids.next(),
      templateId: null,
      trainerId: CAST.trainer.userId,
      name: 'Morning Yoga',
      description: 'Gentle flow to start the day',
      startsAt: new Date(TOMORROW_0700),
      endsAt: new Date(TOMORROW_0800),
      capacity: 12,
      creditCost: 1,
      status: 'published',
      cancellationReason: null,
      createdAt: LONG_AGO,
      updatedAt: LONG_AGO,
      ...overrides,
    };
  },

  published(overrides: Partial<ClassSessionSnapshot> = {}): ClassSession {
    return ClassSession.restore(ClassSessionMother.snapshot({ ...overrides, status: 'published' }));
  },

  draft(overrides: Partial<ClassSessionSnapshot> = {}): ClassSession {
    return ClassSession.restore(ClassSessionMother.snapshot({ ...overrides, status: 'draft' }));
  },

  cancelled(overrides: Partial<ClassSessionSnapshot> = {}): ClassSession {
    return ClassSession.restore(
      ClassSessionMother.snapshot({ cancellationReason: 'Studio closed', ...overrides, status: 'cancelled' }),
    );
  },
};
