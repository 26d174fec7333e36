import type { Transaction } from 'kysely';
import type { OutboxWriter } from '@fitflow/application-shared';
import type { ClassTemplateRepository } from '@fitflow/application-scheduling';
import { ClassTemplate } from '@fitflow/domain-scheduling';
import type { ClassTemplateRow, Database } from '../../database/schema';
import { isUuid } from './uuid';

export function rowToClassTemplate(row: ClassTemplateRow): ClassTemplate {
  return ClassTemplate.restore({
    id: row.id,
    trainerId: row.trainer_id,
    name: row.name,
    description: row.description,
    durationMinutes: row.duration_minutes,
    capacity: row.capacity,
    creditCost: row.credit_cost,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** Templates are deleted for real; their sessions' `template_id` becomes null (`on delete set null`). */
export class KyselyClassTemplateRepository implements ClassTemplateRepository {
  constructor(
    private readonly trx: Transaction<Database>,
    private readonly outbox: OutboxWriter,
  ) {}

  async get(id: string): Promise<ClassTemplate | null> {
    if (!isUuid(id)) return null;
    const row = await this.trx.selectFrom('class_templates').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToClassTemplate(row) : null;
  }

  async getForUpdate(id: string): Promise<ClassTemplate | null> {
    if (!isUuid(id)) return null;
    const row = await this.trx.selectFrom('class_templates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    return row ? rowToClassTemplate(row) : null;
  }

  async save(template: ClassTemplate): Promise<void> {
    if (template.isDeleted) throw new Error('A deleted template is removed with delete(), not saved');
    const s = template.snapshot();
    const details = {
      name: s.name,
      description: s.description,
      duration_minutes: s.durationMinutes,
      capacity: s.capacity,
      credit_cost: s.creditCost,
      updated_at: s.updatedAt,
    };
    await this.trx
      .insertInto('class_templates')
      .values({ id: s.id, trainer_id: s.trainerId, created_at: s.createdAt, ...details })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(details))
      .execute();
    await this.outbox.append(template.pullEvents());
  }

  async delete(template: ClassTemplate): Promise<void> {
    if (!template.isDeleted) throw new Error('Call template.delete(at) before removing it');
    await this.trx.deleteFrom('class_templates').where('id', '=', template.id).execute();
    await this.outbox.append(template.pullEvents());
  }
}
