import { AggregateRoot, InvalidStateError } from '@fitflow/domain-shared';
import type { PurchasedCredits } from './membership';

export const PURCHASE_STATUSES = ['pending', 'requires_action', 'succeeded', 'failed'] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];

export interface PurchaseSnapshot extends PurchasedCredits {
  id: string;
  memberId: string;
  packageId: string;
  status: PurchaseStatus;
  /** The payment gateway's id of the charge (a Stripe PaymentIntent), once it answered. */
  paymentIntentId: string | null;
  /** For the 3-D Secure step in the browser while `requires_action`. */
  clientSecret: string | null;
  failureReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewPurchase extends PurchasedCredits {
  memberId: string;
  packageId: string;
  at: Date;
}

/**
 * One attempt to buy a package by card. It keeps the package's terms as bought, and moves from `pending` to
 * `succeeded` at most once: `succeed` says whether this call was the one, so the credits are added exactly once
 * whichever of the API's answer, the webhook or a replay arrives first.
 */
export class Purchase extends AggregateRoot {
  #state: PurchaseSnapshot;

  private constructor(snapshot: PurchaseSnapshot) {
    super(snapshot.id);
    this.#state = { ...snapshot };
  }

  static start({ at, ...bought }: NewPurchase): Purchase {
    return new Purchase({
      ...bought,
      id: bought.purchaseId,
      status: 'pending',
      paymentIntentId: null,
      clientSecret: null,
      failureReason: null,
      createdAt: at,
      updatedAt: at,
    });
  }

  static restore(snapshot: PurchaseSnapshot): Purchase {
    return new Purchase(snapshot);
  }

  get status(): PurchaseStatus {
    return this.#state.status;
  }

  get memberId(): string {
    return this.#state.memberId;
  }

  get packageId(): string {
    return this.#state.packageId;
  }

  get paymentIntentId(): string | null {
    return this.#state.paymentIntentId;
  }

  get createdAt(): Date {
    return new Date(this.#state.createdAt);
  }

  /** What the member gets when it succeeds. */
  get bought(): PurchasedCredits {
    const { purchaseId, packageName, credits, validityDays, priceCents, currency } = this.#state;
    return { purchaseId, packageName, credits, validityDays, priceCents, currency };
  }

  isOwnedBy(memberId: string): boolean {
    return this.#state.memberId === memberId;
  }

  /** Paid: true when this call moved it to `succeeded` (add the credits now), false when it already was. */
  succeed(paymentIntentId: string, at: Date): boolean {
    if (this.#state.status === 'succeeded') return false;
    this.#assertIntent(paymentIntentId);
    this.#state = { ...this.#state, status: 'succeeded', paymentIntentId, clientSecret: null, failureReason: null, updatedAt: new Date(at) };
    return true;
  }

  /** The card asks the member to authenticate (3-D Secure): the browser finishes it with `clientSecret`. */
  requireAction(paymentIntentId: string, clientSecret: string, at: Date): void {
    if (this.#state.status !== 'pending') return;
    this.#assertIntent(paymentIntentId);
    this.#state = { ...this.#state, status: 'requires_action', paymentIntentId, clientSecret, updatedAt: new Date(at) };
  }

  /** The gateway took the payment and will say by webhook how it ended (Stripe's `processing`). */
  awaitOutcome(paymentIntentId: string, at: Date): void {
    if (this.#state.status !== 'pending') return;
    this.#assertIntent(paymentIntentId);
    this.#state = { ...this.#state, paymentIntentId, updatedAt: new Date(at) };
  }

  /** Declined or failed; a purchase already paid stays paid (a late failure event of an earlier attempt). */
  fail(paymentIntentId: string | null, reason: string, at: Date): void {
    if (this.#state.status === 'succeeded' || this.#state.status === 'failed') return;
    if (paymentIntentId) this.#assertIntent(paymentIntentId);
    this.#state = {
      ...this.#state,
      status: 'failed',
      paymentIntentId: paymentIntentId ?? this.#state.paymentIntentId,
      clientSecret: null,
      failureReason: reason,
      updatedAt: new Date(at),
    };
  }

  snapshot(): PurchaseSnapshot {
    return { ...this.#state, createdAt: new Date(this.#state.createdAt), updatedAt: new Date(this.#state.updatedAt) };
  }

  /** One purchase is one PaymentIntent: an event of another intent is a wiring mistake or a forgery. */
  #assertIntent(paymentIntentId: string): void {
    const known = this.#state.paymentIntentId;
    if (known !== null && known !== paymentIntentId) throw new InvalidStateError('This payment belongs to another purchase');
  }
}
