import type { DomainEvent } from '@fitflow/domain-shared';
import { ClassTemplate, type ClassTemplateSnapshot } from '@fitflow/domain-scheduling';
import type { ClassTemplateRepository } from '../ports';
import type { Checkpointable } from '@fitflow/application-shared/testing';

/** Rows as snapshots, so every load is a fresh aggregate as from a database, plus the outbox it writes. */
export class InMemoryClassTemplateRepository implements ClassTemplateRepository, Checkpointable {
  #rows = new Map<string, ClassTemplateSnapshot>();
  #outbox: DomainEvent[] = [];

  async get(id: string): Promise<ClassTemplate | null> {
    const row = this.#rows.get(id);
    return row ? ClassTemplate.restore(row) : null;
  }

  async getForUpdate(id: string): Promise<ClassTemplate | null> {
    return this.get(id);
  }

  async save(template: ClassTemplate): Promise<void> {
    if (template.isDeleted) throw new Error('A deleted template is removed with delete(), not saved');
    this.#rows.set(template.id, template.snapshot());
    this.#outbox.push(...template.pullEvents());
  }

  async delete(template: ClassTemplate): Promise<void> {
    if (!template.isDeleted) throw new Error('Call template.delete(at) before removing it');
    this.#rows.delete(template.id);
    this.#outbox.push(...template.pullEvents());
  }

  /** Stores templates as already existing: their creation events are dropped, not written to the outbox. */
  seed(...templates: ClassTemplate[]): this {
    for (const template of templates) {
      template.pullEvents();
      this.#rows.set(template.id, template.snapshot());
    }
    return this;
  }

  rows(): ClassTemplateSnapshot[] {
    return [...this.#rows.values()].map((row) => ({ ...row }));
  }

  row(id: string): ClassTemplateSnapshot | undefined {
    return this.rows().find((row) => row.id === id);
  }

  /** The events written to the outbox by committed saves, oldest first. */
  get outbox(): readonly DomainEvent[] {
    return [...this.#outbox];
  }

  checkpoint(): () => void {
    const rows = new Map(this.#rows);
    const outbox = [...this.#outbox];
    return () => {
      this.#rows = rows;
      this.#outbox = outbox;
    };
  }
}
