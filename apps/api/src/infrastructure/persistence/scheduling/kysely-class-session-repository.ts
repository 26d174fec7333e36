import type { Transaction } from 'kysely';
import type { OutboxWriter } from '@fitflow/application-shared';
import { type ClassSessionRepository, TemplateNotFoundError } from '@fitflow/application-scheduling';
import { ClassSession } from '@fitflow/domain-scheduling';
import type { ClassSessionRow, Database } from '../../database/schema';
import { sessionRowForUpdate } from './session-queue';
import { isForeignKeyViolation, isUuid } from './uuid';

export function rowToClassSession(row: ClassSessionRow): ClassSession {
  return ClassSession.restore({
    id: row.id,
    templateId: row.template_id,
    trainerId: row.trainer_id,
    name: row.name,
    description: row.description,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    capacity: row.capacity,
    creditCost: row.credit_cost,
    status: row.status,
    cancellationReason: row.cancellation_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

export class KyselyClassSessionRepository implements ClassSessionRepository {
  constructor(
    private readonly trx: Transaction<Database>,
    private readonly outbox: OutboxWriter,
  ) {}

  async get(id: string): Promise<ClassSession | null> {
    if (!isUuid(id)) return null;
    const row = await this.trx.selectFrom('class_sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToClassSession(row) : null;
  }

  /** Bookings and holds hold this same row, so a capacity check made under it cannot race with them. */
  async getForUpdate(id: string): Promise<ClassSession | null> {
    if (!isUuid(id)) return null;
    const row = await sessionRowForUpdate(this.trx, id);
    return row ? rowToClassSession(row) : null;
  }

  /**
   * One statement for the whole set. PostgreSQL applies ORDER BY before it locks (its manual, "The Locking
   * Clause"), so the rows are locked in id order: two bulk publishes of overlapping sessions queue behind each
   * other instead of deadlocking.
   */
  async getManyForUpdate(ids: readonly string[]): Promise<ClassSession[]> {
    const uuids = ids.filter(isUuid);
    if (uuids.length === 0) return [];
    const rows = await this.trx.selectFrom('class_sessions').selectAll().where('id', 'in', uuids).orderBy('id').forUpdate().execute();
    return rows.map(rowToClassSession);
  }

  /**
   * Inserts or updates. `template_id` is written only by the insert: the database sets it to null when the
   * template is deleted, and an update from an aggregate loaded earlier must not point it back.
   */
  async save(session: ClassSession): Promise<void> {
    if (session.isDiscarded) throw new Error('A discarded draft is removed with delete(), not saved');
    const s = session.snapshot();
    const changeable = {
      trainer_id: s.trainerId,
      name: s.name,
      description: s.description,
      starts_at: s.startsAt,
      ends_at: s.endsAt,
      capacity: s.capacity,
      credit_cost: s.creditCost,
      status: s.status,
      cancellation_reason: s.cancellationReason,
      updated_at: s.updatedAt,
    };
    try {
      await this.trx
        .insertInto('class_sessions')
        .values({ id: s.id, template_id: s.templateId, created_at: s.createdAt, ...changeable })
        .onConflict((conflict) => conflict.column('id').doUpdateSet(changeable))
        .execute();
    } catch (error) {
      // The template was deleted by a transaction that committed after this one read it.
      if (s.templateId && isForeignKeyViolation(error, 'template_id')) {
        const notFound = new TemplateNotFoundError(s.templateId);
        notFound.cause = error;
        throw notFound;
      }
      throw error;
    }
    await this.outbox.append(session.pullEvents());
  }

  /**
   * A hard delete, not a `deleted` status. A draft was never published, so nothing refers to its row: bookings,
   * holds and check-ins need a published session (their foreign keys to `class_sessions` would refuse the delete
   * otherwise, as a last guard), and its events live on in the outbox, keyed by id without a foreign key. A status
   * would have every reader of `class_sessions` (the schedule, rosters, reports, the booking context's locks)
   * learn to skip it forever, for a row nobody may see again.
   */
  async delete(session: ClassSession): Promise<void> {
    if (!session.isDiscarded) throw new Error('Call session.discard(at, trainerName) before removing it');
    await this.trx.deleteFrom('class_sessions').where('id', '=', session.id).execute();
    await this.outbox.append(session.pullEvents());
  }
}
