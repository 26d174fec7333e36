import type { Transaction } from 'kysely';
import type { OutboxWriter } from '@fitflow/application-shared';
import type { CreditPackageRepository } from '@fitflow/application-membership';
import { CreditPackage, type CreditPackageSnapshot } from '@fitflow/domain-membership';
import type { CreditPackageRow, Database } from '../../database/schema';
import { isUuid } from '../scheduling/uuid';

export function rowToCreditPackageSnapshot(row: CreditPackageRow): CreditPackageSnapshot {
  return {
    id: row.id,
    name: row.name,
    credits: row.credits,
    priceCents: row.price_cents,
    currency: row.currency,
    validityDays: row.validity_days,
    active: row.active,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Credit packages on the transaction's connection; a retired one stays, for the purchases that name it. */
export class KyselyCreditPackageRepository implements CreditPackageRepository {
  constructor(
    private readonly trx: Transaction<Database>,
    private readonly outbox: OutboxWriter,
  ) {}

  async get(id: string): Promise<CreditPackage | null> {
    if (!isUuid(id)) return null;
    const row = await this.trx.selectFrom('credit_packages').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? CreditPackage.restore(rowToCreditPackageSnapshot(row)) : null;
  }

  /** Inserts or updates. */
  async save(creditPackage: CreditPackage): Promise<void> {
    const s = creditPackage.snapshot();
    const changeable = {
      name: s.name,
      credits: s.credits,
      price_cents: s.priceCents,
      currency: s.currency,
      validity_days: s.validityDays,
      active: s.active,
      updated_at: s.updatedAt,
    };
    await this.trx
      .insertInto('credit_packages')
      .values({ id: s.id, created_at: s.createdAt, ...changeable })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(changeable))
      .execute();
    await this.outbox.append(creditPackage.pullEvents());
  }
}
