import type { Page, PageRequest } from '@fitflow/application-shared';
import type {
  CreditPackage,
  CreditTransactionType,
  Membership,
  MembershipSnapshot,
  Purchase,
  PurchaseStatus,
} from '@fitflow/domain-membership';

// ---- Write side: bound to one transaction by the UnitOfWork ----------------------------------------------------

/**
 * Members' credits. The membership row is the last lock of ARCHITECTURE.md's order (session row, its bookings and
 * holds, then the member's balance), so a booking and a purchase of one member queue here and never deadlock.
 */
export interface MembershipRepository {
  /**
   * Locks the member's balance until the transaction ends, opening an empty one on first use; null when there is
   * no such account.
   */
  getForUpdate(memberId: string): Promise<Membership | null>;
  /**
   * Writes the balance, the ledger lines pulled from it (`pullEntries`) and its events to the outbox; answers the
   * lines as stored (with their ids), in order.
   */
  save(membership: Membership): Promise<CreditTransactionView[]>;
  /**
   * Unlocked: ids of members whose credits are due for the daily job at `now` (credits remain and `validUntil` has
   * come, or is within the notice period and the member was not told about it), at most `limit`.
   */
  dueForExpiryWork(now: Date, noticeUntil: Date, limit: number): Promise<string[]>;
}

export interface CreditPackageRepository {
  get(id: string): Promise<CreditPackage | null>;
  save(creditPackage: CreditPackage): Promise<void>;
}

export interface PurchaseRepository {
  /** Locks the purchase's row until the transaction ends. */
  getForUpdate(id: string): Promise<Purchase | null>;
  /** The member's purchase started under this request key (their `Idempotency-Key`), locked; null when none. */
  byRequestKeyForUpdate(memberId: string, requestKey: string): Promise<Purchase | null>;
  /** Inserts or updates; `requestKey` is stored on insert (unique per member). */
  save(purchase: Purchase, requestKey?: string | null): Promise<void>;
}

/** Payment events already handled, by the gateway's event id: a replayed webhook changes nothing. */
export interface PaymentEventLog {
  /** Records `eventId` in the transaction; false when it was already there. */
  recordFirstDelivery(eventId: string, at: Date): Promise<boolean>;
}

export interface CreditRepositories {
  memberships: MembershipRepository;
  packages: CreditPackageRepository;
  purchases: PurchaseRepository;
  paymentEvents: PaymentEventLog;
}

// ---- Payments ---------------------------------------------------------------------------------------------------

/** A card payment for one purchase. `idempotencyKey` is stable across retries: the gateway answers the same charge. */
export interface ChargeRequest {
  purchaseId: string;
  memberId: string;
  amountCents: number;
  currency: string;
  paymentMethodId: string;
  description: string;
  idempotencyKey: string;
}

export type ChargeOutcome =
  | { status: 'succeeded'; paymentIntentId: string }
  | { status: 'requires_action'; paymentIntentId: string; clientSecret: string }
  /** Stripe's `processing`: the webhook will say how it ended. */
  | { status: 'processing'; paymentIntentId: string }
  | { status: 'failed'; paymentIntentId: string | null; reason: string };

/** Stripe's PaymentIntents, or the embedded default's test-mode stand-in. */
export interface PaymentGateway {
  /** Creates and confirms a PaymentIntent. A card decline is an outcome, not an error; an unreachable gateway throws. */
  charge(request: ChargeRequest): Promise<ChargeOutcome>;
}

/** A verified webhook about a PaymentIntent, in the gateway's words reduced to what a purchase needs. */
export interface PaymentEvent {
  /** The gateway's event id (`evt_…`): each is handled once. */
  id: string;
  kind: 'succeeded' | 'failed';
  paymentIntentId: string;
  /** From the intent's metadata, as FitFlow set it; null for a payment FitFlow did not start. */
  purchaseId: string | null;
  /** The decline reason for `failed`. */
  reason: string | null;
}

// ---- Read side ----------------------------------------------------------------------------------------------------

/** API.md GET /memberships/me. */
export interface MembershipView {
  credits: number;
  validUntil: string | null;
  expiresSoon: boolean;
}

export interface CreditTransactionView {
  id: string;
  type: CreditTransactionType;
  amount: number;
  balanceAfter: number;
  description: string;
  bookingId: string | null;
  purchaseId: string | null;
  createdAt: string;
}

export interface CreditPackageView {
  id: string;
  name: string;
  credits: number;
  priceCents: number;
  currency: string;
  validityDays: number;
}

export interface PurchaseView {
  id: string;
  packageId: string;
  packageName: string;
  status: PurchaseStatus;
  credits: number;
  priceCents: number;
  currency: string;
  clientSecret: string | null;
  failureReason: string | null;
  createdAt: string;
}

export interface CreditsFinder {
  /** The member's balance as stored (the domain says what of it is spendable now); null when they never had credits. */
  membershipOf(memberId: string): Promise<MembershipSnapshot | null>;
  /** The member's ledger, newest first (lines of one instant in reverse order of writing). */
  transactions(memberId: string, page: PageRequest): Promise<Page<CreditTransactionView>>;
  /** Packages for sale, cheapest first. */
  packagesForSale(): Promise<CreditPackageView[]>;
  /** A purchase with whose it is; null when there is none. */
  purchase(id: string): Promise<{ view: PurchaseView; memberId: string } | null>;
}
