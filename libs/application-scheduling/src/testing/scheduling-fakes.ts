import { FixedClock } from '@fitflow/domain-shared';
import type { StudioSettings } from '../ports';
import { CAST } from './cast';
import { InMemoryClassSessionRepository } from './in-memory-class-session-repository';
import { InMemoryClassTemplateRepository } from './in-memory-class-template-repository';
import { InMemoryClassTemplatesFinder } from './in-memory-class-templates-finder';
import { InMemorySessionOccupancy } from './in-memory-session-occupancy';
import { InMemorySessionsFinder } from './in-memory-sessions-finder';
import { InMemoryTrainerDirectory } from './in-memory-trainer-directory';
import { InMemorySchedulingUnitOfWork } from './in-memory-unit-of-work';
import { SequentialIds } from '@fitflow/application-shared/testing';

export const FAKE_NOW = '2026-12-01T07:00:00.000Z';

/** Every port of the scheduling context, faked and wired to one in-memory store; the CAST is in the directory. */
export function createSchedulingFakes(now: Date | string = FAKE_NOW, studio: StudioSettings = { timeZone: 'Europe/Berlin' }) {
  const templates = new InMemoryClassTemplateRepository();
  const sessions = new InMemoryClassSessionRepository();
  const occupancy = new InMemorySessionOccupancy();
  const trainers = new InMemoryTrainerDirectory();
  for (const { userId, name, role } of Object.values(CAST)) trainers.add(userId, name, role);
  const clock = new FixedClock(now);
  return {
    templates,
    sessions,
    occupancy,
    trainers,
    uow: new InMemorySchedulingUnitOfWork({ templates, sessions, occupancy, trainers }),
    templatesFinder: new InMemoryClassTemplatesFinder(templates, trainers),
    sessionsFinder: new InMemorySessionsFinder(sessions, trainers, occupancy, clock),
    ids: new SequentialIds(),
    clock,
    studio,
  };
}

export type SchedulingFakes = ReturnType<typeof createSchedulingFakes>;
