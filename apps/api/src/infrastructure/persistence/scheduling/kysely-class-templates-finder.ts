import { sql, type Kysely } from 'kysely';
import type { Page } from '@fitflow/application-shared';
import type { ClassTemplatesFinder, TemplateView, TemplatesFilter } from '@fitflow/application-scheduling';
import type { Database } from '../../database/schema';
import { isUuid } from './uuid';

interface TemplateViewRow {
  id: string;
  name: string;
  description: string;
  duration_minutes: number;
  capacity: number;
  credit_cost: number;
  trainer_id: string;
  trainer_name: string;
  created_at: Date;
  updated_at: Date;
}

function toView(row: TemplateViewRow): TemplateView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    durationMinutes: row.duration_minutes,
    capacity: row.capacity,
    creditCost: row.credit_cost,
    trainerId: row.trainer_id,
    trainerName: row.trainer_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Templates with their trainer's name, by name then id; one query a page (the window count gives the total). */
export class KyselyClassTemplatesFinder implements ClassTemplatesFinder {
  constructor(private readonly db: Kysely<Database>) {}

  async byId(id: string): Promise<TemplateView | null> {
    if (!isUuid(id)) return null;
    const row = await this.#select().where('t.id', '=', id).executeTakeFirst();
    return row ? toView(row) : null;
  }

  async list(filter: TemplatesFilter): Promise<Page<TemplateView>> {
    const { trainerId, page, pageSize } = filter;
    if (trainerId !== undefined && !isUuid(trainerId)) return { items: [], page, pageSize, total: 0 };
    let query = this.#select();
    if (trainerId !== undefined) query = query.where('t.trainer_id', '=', trainerId);
    const rows = await query
      .select(sql<number>`count(*) over ()`.as('total'))
      .orderBy('t.name')
      .orderBy('t.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    const total = rows[0]?.total ?? (page === 1 ? 0 : (await this.list({ ...filter, page: 1, pageSize: 1 })).total);
    return { items: rows.map(toView), page, pageSize, total: Number(total) };
  }

  #select() {
    return this.db
      .selectFrom('class_templates as t')
      .innerJoin('users as u', 'u.id', 't.trainer_id')
      .select([
        't.id',
        't.name',
        't.description',
        't.duration_minutes',
        't.capacity',
        't.credit_cost',
        't.trainer_id',
        'u.name as trainer_name',
        't.created_at',
        't.updated_at',
      ]);
  }
}
