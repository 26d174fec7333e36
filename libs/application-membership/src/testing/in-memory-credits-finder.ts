import type { Page, PageRequest } from '@fitflow/application-shared';
import { CreditPackage, type MembershipSnapshot } from '@fitflow/domain-membership';
import type { CreditPackageView, CreditsFinder, CreditTransactionView, PurchaseView } from '../credit-ports';
import { toCreditPackageView, toPurchaseView } from '../credit-views';
import type { InMemoryCreditPackageRepository } from './in-memory-credit-package-repository';
import type { InMemoryMembershipRepository } from './in-memory-membership-repository';
import type { InMemoryPurchaseRepository } from './in-memory-purchase-repository';

/** Reads the committed rows of the in-memory repositories, as the SQL finder reads its tables. */
export class InMemoryCreditsFinder implements CreditsFinder {
  constructor(
    private readonly memberships: InMemoryMembershipRepository,
    private readonly packages: InMemoryCreditPackageRepository,
    private readonly purchases: InMemoryPurchaseRepository,
  ) {}

  async membershipOf(memberId: string): Promise<MembershipSnapshot | null> {
    return this.memberships.row(memberId) ?? null;
  }

  async transactions(memberId: string, { page, pageSize }: PageRequest): Promise<Page<CreditTransactionView>> {
    const newestFirst = this.memberships
      .ledgerOf(memberId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    return { items: newestFirst.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: newestFirst.length };
  }

  async packagesForSale(): Promise<CreditPackageView[]> {
    return this.packages
      .rows()
      .filter((row) => row.active)
      .sort((a, b) => a.priceCents - b.priceCents || a.name.localeCompare(b.name))
      .map((row) => toCreditPackageView(CreditPackage.restore(row)));
  }

  async purchase(id: string): Promise<{ view: PurchaseView; memberId: string } | null> {
    const row = this.purchases.row(id);
    return row ? { view: toPurchaseView(row), memberId: row.memberId } : null;
  }
}
