import type { Page } from '@fitflow/application-shared';
import type { ClassTemplateSnapshot } from '@fitflow/domain-scheduling';
import type { ClassTemplatesFinder, TemplateView, TemplatesFilter } from '../ports';
import type { InMemoryClassTemplateRepository } from './in-memory-class-template-repository';
import type { InMemoryTrainerDirectory } from './in-memory-trainer-directory';

/** Reads the committed rows of the in-memory repository, joined with trainer names, as the SQL finder does. */
export class InMemoryClassTemplatesFinder implements ClassTemplatesFinder {
  constructor(
    private readonly templates: InMemoryClassTemplateRepository,
    private readonly trainers: InMemoryTrainerDirectory,
  ) {}

  async byId(id: string): Promise<TemplateView | null> {
    const row = this.templates.row(id);
    return row ? this.#toView(row) : null;
  }

  async list({ trainerId, page, pageSize }: TemplatesFilter): Promise<Page<TemplateView>> {
    const matching = this.templates
      .rows()
      .filter((row) => trainerId === undefined || row.trainerId === trainerId)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const items = matching.slice((page - 1) * pageSize, page * pageSize).map((row) => this.#toView(row));
    return { items, page, pageSize, total: matching.length };
  }

  #toView(row: ClassTemplateSnapshot): TemplateView {
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      durationMinutes: row.durationMinutes,
      capacity: row.capacity,
      creditCost: row.creditCost,
      trainerId: row.trainerId,
      trainerName: this.trainers.nameOf(row.trainerId),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
