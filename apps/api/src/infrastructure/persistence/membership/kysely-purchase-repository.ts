import type { Kysely, Transaction } from 'kysely';
import type { OutboxWriter } from '@fitflow/application-shared';
import type { PurchaseRepository } from '@fitflow/application-membership';
import { Purchase, type PurchaseSnapshot } from '@fitflow/domain-membership';
import type { Database, PurchaseRow } from '../../database/schema';
import { isUniqueViolation } from '../errors';
import { isUuid } from '../scheduling/uuid';

/**
 * Another transaction stored a purchase under the same member and request key first. The idempotency layer lets
 * only one request work on a key, so this takes a request whose claim lapsed while it still ran: it fails (a 500,
 * which releases the key), and the client's retry finds the purchase that won through `byRequestKeyForUpdate`.
 */
export class PurchaseRequestKeyTakenError extends Error {
  override readonly name = 'PurchaseRequestKeyTakenError';

  constructor(
    readonly memberId: string,
    readonly requestKey: string,
    options?: { cause?: unknown },
  ) {
    super('A purchase was already started under this request key', options);
  }
}

/** Everything a purchase keeps but its request key, which only finds it. */
export function selectPurchaseRows(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('purchases')
    .select([
      'id',
      'member_id',
      'package_id',
      'package_name',
      'credits',
      'price_cents',
      'currency',
      'validity_days',
      'status',
      'payment_intent_id',
      'client_secret',
      'failure_reason',
      'created_at',
      'updated_at',
    ]);
}

export function rowToPurchaseSnapshot(row: Omit<PurchaseRow, 'request_key'>): PurchaseSnapshot {
  return {
    id: row.id,
    purchaseId: row.id,
    memberId: row.member_id,
    packageId: row.package_id,
    packageName: row.package_name,
    credits: row.credits,
    priceCents: row.price_cents,
    currency: row.currency,
    validityDays: row.validity_days,
    status: row.status,
    paymentIntentId: row.payment_intent_id,
    clientSecret: row.client_secret,
    failureReason: row.failure_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Purchases on the transaction's connection; `purchases_member_id_request_key_key` backs one purchase per request key. */
export class KyselyPurchaseRepository implements PurchaseRepository {
  constructor(
    private readonly trx: Transaction<Database>,
    private readonly outbox: OutboxWriter,
  ) {}

  async getForUpdate(id: string): Promise<Purchase | null> {
    if (!isUuid(id)) return null;
    const row = await selectPurchaseRows(this.trx).where('id', '=', id).forUpdate().executeTakeFirst();
    return row ? Purchase.restore(rowToPurchaseSnapshot(row)) : null;
  }

  async byRequestKeyForUpdate(memberId: string, requestKey: string): Promise<Purchase | null> {
    if (!isUuid(memberId)) return null;
    const row = await selectPurchaseRows(this.trx)
      .where('member_id', '=', memberId)
      .where('request_key', '=', requestKey)
      .forUpdate()
      .executeTakeFirst();
    return row ? Purchase.restore(rowToPurchaseSnapshot(row)) : null;
  }

  /** Inserts or updates; the terms and `requestKey` are written once, on insert. */
  async save(purchase: Purchase, requestKey: string | null = null): Promise<void> {
    const s = purchase.snapshot();
    const changeable = {
      status: s.status,
      payment_intent_id: s.paymentIntentId,
      client_secret: s.clientSecret,
      failure_reason: s.failureReason,
      updated_at: s.updatedAt,
    };
    const bought = {
      id: s.id,
      member_id: s.memberId,
      package_id: s.packageId,
      package_name: s.packageName,
      credits: s.credits,
      price_cents: s.priceCents,
      currency: s.currency,
      validity_days: s.validityDays,
      created_at: s.createdAt,
    };
    try {
      await this.trx
        .insertInto('purchases')
        .values({ ...bought, request_key: requestKey, ...changeable })
        .onConflict((conflict) => conflict.column('id').doUpdateSet(changeable))
        .execute();
    } catch (error) {
      if (requestKey !== null && isUniqueViolation(error, 'purchases_member_id_request_key_key')) {
        throw new PurchaseRequestKeyTakenError(s.memberId, requestKey, { cause: error });
      }
      throw error;
    }
    await this.outbox.append(purchase.pullEvents());
  }
}
