import { ClassTemplate, type ClassTemplateSnapshot } from '@fitflow/domain-scheduling';
import { CAST } from './cast';
import { SequentialIds } from '@fitflow/application-shared/testing';

export const LONG_AGO = new Date('2026-01-01T00:00:00.000Z');

// A prefix of their own, so mothered ids never collide with the ids a handler draws from SequentialIds.
const ids = new SequentialIds('cccccccc-0000-4000-8000-');

export const ClassTemplateMother = {
  snapshot(overrides: Partial<ClassTemplateSnapshot> = {}): ClassTemplateSnapshot {
    return {
      id: overrides.id ?? ids.next(),
      trainerId: CAST.trainer.userId,
      name: 'Morning Yoga',
      description: 'Gentle flow to start the day',
      durationMinutes: 60,
      capacity: 12,
      creditCost: 1,
      createdAt: LONG_AGO,
      updatedAt: LONG_AGO,
      ...overrides,
    };
  },

  /** A stored template of the cast's trainer unless `trainerId` says otherwise. */
  stored(overrides: Partial<ClassTemplateSnapshot> = {}): ClassTemplate {
    return ClassTemplate.restore(ClassTemplateMother.snapshot(overrides));
  },
};
