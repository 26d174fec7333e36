import type { Checkpointable } from '@fitflow/application-shared/testing';
import { type CreditHolderFacts, Membership, type MembershipSnapshot } from '@fitflow/domain-membership';
import type { DomainEvent } from '@fitflow/domain-shared';
import type { CreditTransactionView, MembershipRepository } from '../credit-ports';

export interface InMemoryMembershipOptions {
  /** Accounts beyond those `add`ed (a booking test's member directory). */
  holderOf?: (memberId: string) => CreditHolderFacts | null;
  /** The balance of an account that has no row yet: a booking test's members can pay unless a test says otherwise. */
  startingBalance?: number;
}

/** Balances, ledgers and the events they recorded, for unit tests; accounts are the holders `add`ed. */
export class InMemoryMembershipRepository implements MembershipRepository, Checkpointable {
  #holders = new Map<string, CreditHolderFacts>();

  constructor(private readonly options: InMemoryMembershipOptions = {}) {}
  #rows = new Map<string, MembershipSnapshot>();
  #ledger: { memberId: string; line: CreditTransactionView }[] = [];
  #outbox: DomainEvent[] = [];

  /** An account that may hold credits. */
  add(holder: CreditHolderFacts): this {
    this.#holders.set(holder.memberId, { ...holder });
    return this;
  }

  /** Gives `memberId` a balance outright (no ledger line): a test's starting point. */
  fund(memberId: string, balance: number, validUntil: Date | null = null): this {
    this.#rows.set(memberId, { memberId, balance, validUntil, expiryNoticeFor: null });
    return this;
  }

  async getForUpdate(memberId: string): Promise<Membership | null> {
    const holder = this.#holders.get(memberId) ?? this.options.holderOf?.(memberId);
    if (!holder) return null;
    const row = this.#rows.get(memberId) ?? this.#startingRow(memberId);
    return row ? Membership.restore(holder, row) : Membership.empty(holder);
  }

  async save(membership: Membership): Promise<CreditTransactionView[]> {
    this.#rows.set(membership.memberId, membership.snapshot());
    const lines = membership.pullEntries().map(
      (entry, i): CreditTransactionView => ({
        id: `line-${String(this.#ledger.length + i + 1).padStart(4, '0')}`,
        type: entry.type,
        amount: entry.amount,
        balanceAfter: entry.balanceAfter,
        description: entry.description,
        bookingId: entry.bookingId,
        purchaseId: entry.purchaseId,
        createdAt: entry.at.toISOString(),
      }),
    );
    this.#ledger.push(...lines.map((line) => ({ memberId: membership.memberId, line })));
    this.#outbox.push(...membership.pullEvents());
    return lines;
  }

  async dueForExpiryWork(now: Date, noticeUntil: Date, limit: number): Promise<string[]> {
    return [...this.#rows.values()]
      .filter(({ balance, validUntil, expiryNoticeFor }) => {
        if (balance === 0 || validUntil === null) return false;
        return validUntil <= now || (validUntil <= noticeUntil && expiryNoticeFor?.getTime() !== validUntil.getTime());
      })
      .sort((a, b) => (a.validUntil as Date).getTime() - (b.validUntil as Date).getTime())
      .slice(0, limit)
      .map((row) => row.memberId);
  }

  balanceOf(memberId: string): number {
    return (this.#rows.get(memberId) ?? this.#startingRow(memberId))?.balance ?? 0;
  }

  #startingRow(memberId: string): MembershipSnapshot | null {
    const balance = this.options.startingBalance;
    return balance === undefined ? null : { memberId, balance, validUntil: null, expiryNoticeFor: null };
  }

  row(memberId: string): MembershipSnapshot | undefined {
    const row = this.#rows.get(memberId);
    return row && { ...row };
  }

  /** Ledger lines of `memberId` in the order they were written. */
  ledgerOf(memberId: string): CreditTransactionView[] {
    return this.#ledger.filter((entry) => entry.memberId === memberId).map(({ line }) => ({ ...line }));
  }

  get outbox(): readonly DomainEvent[] {
    return this.#outbox;
  }

  checkpoint(): () => void {
    const rows = new Map(this.#rows);
    const ledger = [...this.#ledger];
    const outbox = [...this.#outbox];
    return () => {
      this.#rows = rows;
      this.#ledger = ledger;
      this.#outbox = outbox;
    };
  }
}
