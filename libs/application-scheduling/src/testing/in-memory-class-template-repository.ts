import { InMemoryAggregateStore } from '@fitflow/application-shared/testing';
import { ClassTemplate, type ClassTemplateSnapshot } from '@fitflow/domain-scheduling';
import type { ClassTemplateRepository } from '../ports';

export class InMemoryClassTemplateRepository
  extends InMemoryAggregateStore<ClassTemplate, ClassTemplateSnapshot>
  implements ClassTemplateRepository
{
  constructor() {
    super((snapshot) => ClassTemplate.restore(snapshot));
  }

  override async save(template: ClassTemplate): Promise<void> {
    if (template.isDeleted) throw new Error('A deleted template is removed with delete(), not saved');
    await super.save(template);
  }

  async delete(template: ClassTemplate): Promise<void> {
    if (!template.isDeleted) throw new Error('Call template.delete(at) before removing it');
    await this.remove(template);
  }
}
