import type { CreditPackage, MembershipSnapshot, PurchaseSnapshot } from '@fitflow/domain-membership';
import { creditsExpireSoon, spendableCredits } from '@fitflow/domain-membership';
import type { CreditPackageView, MembershipView, PurchaseView } from './credit-ports';

/** What the member sees of their balance at `now`: the domain says what of it is spendable. */
export function toMembershipView(snapshot: MembershipSnapshot | null, now: Date): MembershipView {
  if (!snapshot) return { credits: 0, validUntil: null, expiresSoon: false };
  return {
    credits: spendableCredits(snapshot, now),
    validUntil: snapshot.validUntil?.toISOString() ?? null,
    expiresSoon: creditsExpireSoon(snapshot, now),
  };
}

export function toPurchaseView(snapshot: PurchaseSnapshot): PurchaseView {
  return {
    id: snapshot.id,
    packageId: snapshot.packageId,
    packageName: snapshot.packageName,
    status: snapshot.status,
    credits: snapshot.credits,
    priceCents: snapshot.priceCents,
    currency: snapshot.currency,
    clientSecret: snapshot.clientSecret,
    failureReason: snapshot.failureReason,
    createdAt: snapshot.createdAt.toISOString(),
  };
}

export function toCreditPackageView(creditPackage: CreditPackage): CreditPackageView {
  const { id, name, credits, priceCents, currency, validityDays } = creditPackage.snapshot();
  return { id, name, credits, priceCents, currency, validityDays };
}
