import { InMemoryAggregateStore } from '@fitflow/application-shared/testing';
import { Purchase, type PurchaseSnapshot } from '@fitflow/domain-membership';
import type { PurchaseRepository } from '../credit-ports';

/** Purchases, and the request key (the member's `Idempotency-Key`) each was started under, unique per member. */
export class InMemoryPurchaseRepository extends InMemoryAggregateStore<Purchase, PurchaseSnapshot> implements PurchaseRepository {
  /** `memberId requestKey` → purchase id. */
  #requestKeys = new Map<string, string>();

  constructor() {
    super((snapshot) => Purchase.restore(snapshot));
  }

  async byRequestKeyForUpdate(memberId: string, requestKey: string): Promise<Purchase | null> {
    const purchaseId = this.#requestKeys.get(keyOf(memberId, requestKey));
    return purchaseId ? this.getForUpdate(purchaseId) : null;
  }

  override async save(purchase: Purchase, requestKey: string | null = null): Promise<void> {
    if (requestKey !== null && !this.row(purchase.id)) {
      const key = keyOf(purchase.memberId, requestKey);
      // Stands in for the unique index on (member_id, request_key).
      if (this.#requestKeys.has(key)) throw new Error(`Request key ${requestKey} already started a purchase of ${purchase.memberId}`);
      this.#requestKeys.set(key, purchase.id);
    }
    await super.save(purchase);
  }

  override checkpoint(): () => void {
    const restoreRows = super.checkpoint();
    const requestKeys = new Map(this.#requestKeys);
    return () => {
      restoreRows();
      this.#requestKeys = requestKeys;
    };
  }
}

function keyOf(memberId: string, requestKey: string): string {
  return `${memberId} ${requestKey}`;
}
