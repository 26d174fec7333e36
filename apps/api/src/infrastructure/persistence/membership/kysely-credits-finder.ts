import { sql, type Kysely } from 'kysely';
import type { Page, PageRequest } from '@fitflow/application-shared';
import {
  toPurchaseView,
  type CreditPackageView,
  type CreditsFinder,
  type CreditTransactionView,
  type PurchaseView,
} from '@fitflow/application-membership';
import type { MembershipSnapshot } from '@fitflow/domain-membership';
import type { CreditTransactionRow, Database } from '../../database/schema';
import { isUuid } from '../scheduling/uuid';
import { rowToMembershipSnapshot } from './kysely-membership-repository';
import { rowToPurchaseSnapshot, selectPurchaseRows } from './kysely-purchase-repository';

type TransactionColumns = Pick<
  CreditTransactionRow,
  'id' | 'type' | 'amount' | 'balance_after' | 'description' | 'booking_id' | 'purchase_id' | 'created_at'
>;

function toTransactionView(row: TransactionColumns): CreditTransactionView {
  return {
    id: row.id,
    type: row.type,
    amount: row.amount,
    balanceAfter: row.balance_after,
    description: row.description,
    bookingId: row.booking_id,
    purchaseId: row.purchase_id,
    createdAt: row.created_at.toISOString(),
  };
}

/** The member's balance, their ledger, the packages for sale and one purchase, as the credit screens show them. */
export class KyselyCreditsFinder implements CreditsFinder {
  constructor(private readonly db: Kysely<Database>) {}

  async membershipOf(memberId: string): Promise<MembershipSnapshot | null> {
    if (!isUuid(memberId)) return null;
    const row = await this.db
      .selectFrom('memberships')
      .select(['member_id', 'balance', 'valid_until', 'expiry_notice_for'])
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    return row ? rowToMembershipSnapshot(row) : null;
  }

  /**
   * Newest first through `credit_transactions_member_id_created_at_idx`; the lines of one instant newest first by
   * `seq`, the order they were written in. One query a page: the window count gives the total.
   */
  async transactions(memberId: string, { page, pageSize }: PageRequest): Promise<Page<CreditTransactionView>> {
    if (!isUuid(memberId)) return { items: [], page, pageSize, total: 0 };
    const rows = await this.db
      .selectFrom('credit_transactions')
      .select(['id', 'type', 'amount', 'balance_after', 'description', 'booking_id', 'purchase_id', 'created_at'])
      .select(sql<number>`count(*) over ()`.as('total'))
      .where('member_id', '=', memberId)
      .orderBy('created_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    const total = rows[0]?.total ?? (page === 1 ? 0 : (await this.transactions(memberId, { page: 1, pageSize: 1 })).total);
    return { items: rows.map(toTransactionView), page, pageSize, total: Number(total) };
  }

  /** Cheapest first, then by name; a handful of rows. */
  async packagesForSale(): Promise<CreditPackageView[]> {
    const rows = await this.db
      .selectFrom('credit_packages')
      .select(['id', 'name', 'credits', 'price_cents', 'currency', 'validity_days'])
      .where('active', '=', true)
      .orderBy('price_cents')
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      credits: row.credits,
      priceCents: row.price_cents,
      currency: row.currency,
      validityDays: row.validity_days,
    }));
  }

  async purchase(id: string): Promise<{ view: PurchaseView; memberId: string } | null> {
    if (!isUuid(id)) return null;
    const row = await selectPurchaseRows(this.db).where('id', '=', id).executeTakeFirst();
    return row ? { view: toPurchaseView(rowToPurchaseSnapshot(row)), memberId: row.member_id } : null;
  }
}
