import { InMemoryUnitOfWork } from '@fitflow/application-shared/testing';
import type { SchedulingRepositories } from '../ports';
import type { InMemoryClassSessionRepository } from './in-memory-class-session-repository';
import type { InMemoryClassTemplateRepository } from './in-memory-class-template-repository';
import type { InMemorySessionOccupancy } from './in-memory-session-occupancy';
import type { InMemoryTrainerDirectory } from './in-memory-trainer-directory';

export interface InMemorySchedulingRepositories extends SchedulingRepositories {
  templates: InMemoryClassTemplateRepository;
  sessions: InMemoryClassSessionRepository;
  occupancy: InMemorySessionOccupancy;
  trainers: InMemoryTrainerDirectory;
}

export class InMemorySchedulingUnitOfWork extends InMemoryUnitOfWork<SchedulingRepositories> {
  constructor(repos: InMemorySchedulingRepositories) {
    super(repos, [repos.templates, repos.sessions]);
  }
}
