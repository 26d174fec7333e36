import { AggregateRoot, InvalidValueError, domainEvent } from '@fitflow/domain-shared';
import {
  CREDITS_ADJUSTED,
  CREDITS_DEDUCTED,
  CREDITS_EXPIRED,
  CREDITS_EXPIRING_SOON,
  CREDITS_PURCHASED,
  CREDITS_REFUNDED,
  type CreditHolderFacts,
} from './credit-events';
import { CreditsExpiredError, InsufficientCreditsError, plural } from './credit-errors';
import { Credits } from './credits';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Members are told this long before their credits expire, and the app shows a banner. */
export const EXPIRY_NOTICE_DAYS = 7;
const REASON_LENGTH = { min: 3, max: 200 };

export const CREDIT_TRANSACTION_TYPES = ['purchase', 'booking', 'refund', 'expiry', 'adjustment'] as const;
export type CreditTransactionType = (typeof CREDIT_TRANSACTION_TYPES)[number];

/** One line of the member's ledger: every change of the balance is one, with the balance after it. */
export interface CreditEntry {
  type: CreditTransactionType;
  /** Signed: what the change added (positive) or took (negative). */
  amount: number;
  balanceAfter: number;
  description: string;
  bookingId: string | null;
  purchaseId: string | null;
  at: Date;
}

export interface MembershipSnapshot {
  memberId: string;
  balance: number;
  /** Null until credits with a validity arrive: such credits (an admin's grant) do not expire. */
  validUntil: Date | null;
  /** The `validUntil` the member was last told about, so they are told once per date. */
  expiryNoticeFor: Date | null;
}

/** What a purchase adds: the package's terms as they were bought. */
export interface PurchasedCredits {
  purchaseId: string;
  packageName: string;
  credits: number;
  validityDays: number;
  priceCents: number;
  currency: string;
}

/** The booking a deduction or refund is for. */
export interface BookingCharge {
  bookingId: string;
  sessionName: string;
}

/**
 * A member's credits: the balance, until when it is valid, and the ledger of every change. Its id is the member's.
 * The balance never goes negative; an expired balance is never spent, whether or not the expiry job has run.
 */
export class Membership extends AggregateRoot {
  readonly #holder: CreditHolderFacts;
  #balance: Credits;
  #validUntil: Date | null;
  #expiryNoticeFor: Date | null;
  #entries: CreditEntry[] = [];

  private constructor(holder: CreditHolderFacts, snapshot: MembershipSnapshot) {
    super(holder.memberId);
    this.#holder = { ...holder };
    this.#balance = Credits.of(snapshot.balance, 'balance');
    this.#validUntil = snapshot.validUntil && new Date(snapshot.validUntil);
    this.#expiryNoticeFor = snapshot.expiryNoticeFor && new Date(snapshot.expiryNoticeFor);
  }

  /** A member who never had credits. */
  static empty(holder: CreditHolderFacts): Membership {
    return new Membership(holder, { memberId: holder.memberId, balance: 0, validUntil: null, expiryNoticeFor: null });
  }

  static restore(holder: CreditHolderFacts, snapshot: MembershipSnapshot): Membership {
    if (holder.memberId !== snapshot.memberId) throw new InvalidValueError('memberId', 'The membership belongs to another member');
    return new Membership(holder, snapshot);
  }

  get memberId(): string {
    return this.id;
  }

  /** The credits the member can spend at `now`: none once `validUntil` has come. */
  creditsAt(now: Date): number {
    return spendableCredits(this.snapshot(), now);
  }

  get validUntil(): Date | null {
    return this.#validUntil && new Date(this.#validUntil);
  }

  /** Credits remain and expire within EXPIRY_NOTICE_DAYS of `now`. */
  expiresSoonAt(now: Date): boolean {
    return creditsExpireSoon(this.snapshot(), now);
  }

  /**
   * A paid purchase: adds the package's credits and moves `validUntil` to the later of itself and now + the
   * package's validity. Credits already expired are written off first, so buying never revives them.
   */
  addCredits(bought: PurchasedCredits, now: Date): void {
    this.expire(now);
    const nextValidity = new Date(now.getTime() + bought.validityDays * DAY_MS);
    this.#validUntil = this.#validUntil && this.#validUntil > nextValidity ? this.#validUntil : nextValidity;
    this.#change('purchase', bought.credits, `Bought ${bought.packageName} (${plural(bought.credits)})`, now, { purchaseId: bought.purchaseId });
    this.record(
      domainEvent(CREDITS_PURCHASED, this.id, now, {
        ...this.#changeFacts(bought.credits),
        purchaseId: bought.purchaseId,
        packageName: bought.packageName,
        priceCents: bought.priceCents,
        currency: bought.currency,
      }),
    );
  }

  /**
   * A booking spends `amount` (a free class spends nothing and writes no line). CREDITS_EXPIRED when credits remain
   * but `validUntil` has come; INSUFFICIENT_CREDITS when the balance does not cover it.
   */
  deductCredits(amount: number, booking: BookingCharge, now: Date): void {
    const cost = Credits.of(amount, 'amount').value;
    if (cost === 0) return;
    const refusal = creditRefusal(this.snapshot(), cost, now);
    if (refusal) throw refusal;
    this.#change('booking', -cost, `Booked ${booking.sessionName}`, now, { bookingId: booking.bookingId });
    this.record(domainEvent(CREDITS_DEDUCTED, this.id, now, { ...this.#changeFacts(cost), ...booking }));
  }

  /** A cancelled booking gives back what the policy (or the studio) says; nothing back writes no line. */
  refundCredits(amount: number, booking: BookingCharge & { refundPercentage: number }, now: Date): void {
    const refund = Credits.of(amount, 'amount').value;
    if (refund === 0) return;
    this.#settleLapsedValidity(now);
    const { bookingId, sessionName, refundPercentage } = booking;
    this.#change('refund', refund, `Refund for ${sessionName} (${refundPercentage} %)`, now, { bookingId });
    this.record(domainEvent(CREDITS_REFUNDED, this.id, now, { ...this.#changeFacts(refund), bookingId, sessionName, refundPercentage }));
  }

  /** An admin's correction, positive or negative, with a reason; it may not take the balance below zero. */
  adjust(amount: number, reason: string, adjustedBy: string, now: Date): void {
    if (!Number.isInteger(amount) || amount === 0) throw new InvalidValueError('amount', 'The adjustment is a whole number of credits other than 0');
    const why = typeof reason === 'string' ? reason.trim() : '';
    if (why.length < REASON_LENGTH.min || why.length > REASON_LENGTH.max) {
      throw new InvalidValueError('reason', `The reason must be ${REASON_LENGTH.min} to ${REASON_LENGTH.max} characters`);
    }
    this.#settleLapsedValidity(now);
    if (this.#balance.value + amount < 0) {
      throw new InvalidValueError('amount', `The member has ${plural(this.#balance.value)}; the balance cannot go below zero`);
    }
    this.#change('adjustment', amount, `Adjustment: ${why}`, now, {});
    this.record(domainEvent(CREDITS_ADJUSTED, this.id, now, { ...this.#changeFacts(amount), reason: why, adjustedBy }));
  }

  /**
   * Before credits arrive that were not bought (a refund, an admin's grant): credits whose validity has passed are
   * written off, and the passed validity is dropped, so the new credits are not born expired; they do not expire,
   * like those of a member who never bought any, until a purchase sets a validity again.
   */
  #settleLapsedValidity(now: Date): void {
    this.expire(now);
    if (this.#validUntil && this.#validUntil <= now) this.#validUntil = null;
  }

  /** Writes off the balance once `validUntil` has come; true when it did. */
  expire(now: Date): boolean {
    if (!this.#isExpiredAt(now)) return false;
    const lost = this.#balance.value;
    this.#change('expiry', -lost, `${plural(lost)} expired`, now, {});
    this.record(domainEvent(CREDITS_EXPIRED, this.id, now, this.#changeFacts(lost)));
    return true;
  }

  /** Records CreditsExpiringSoon once per `validUntil`, when credits remain and it is 7 days or less away. */
  noteExpiringSoon(now: Date): boolean {
    const until = this.#validUntil;
    if (!until || !this.expiresSoonAt(now) || this.#expiryNoticeFor?.getTime() === until.getTime()) return false;
    this.#expiryNoticeFor = new Date(until);
    this.record(
      domainEvent(CREDITS_EXPIRING_SOON, this.id, now, { ...this.#holder, credits: this.#balance.value, validUntil: until.toISOString() }),
    );
    return true;
  }

  /** Hands over the ledger lines written since the last call, so each is stored exactly once. */
  pullEntries(): CreditEntry[] {
    const entries = this.#entries;
    this.#entries = [];
    return entries;
  }

  snapshot(): MembershipSnapshot {
    return {
      memberId: this.id,
      balance: this.#balance.value,
      validUntil: this.validUntil,
      expiryNoticeFor: this.#expiryNoticeFor && new Date(this.#expiryNoticeFor),
    };
  }

  #isExpiredAt(now: Date): boolean {
    return isExpiredAt(this.snapshot(), now);
  }

  #change(
    type: CreditTransactionType,
    amount: number,
    description: string,
    at: Date,
    refs: { bookingId?: string; purchaseId?: string },
  ): void {
    this.#balance = this.#balance.plus(amount);
    this.#entries.push({
      type,
      amount,
      balanceAfter: this.#balance.value,
      description,
      bookingId: refs.bookingId ?? null,
      purchaseId: refs.purchaseId ?? null,
      at: new Date(at),
    });
  }

  #changeFacts(credits: number) {
    return { ...this.#holder, credits, balanceAfter: this.#balance.value, validUntil: this.#validUntil?.toISOString() ?? null };
  }
}

/** A stored balance, as far as spending it is concerned. */
export type CreditBalance = Pick<MembershipSnapshot, 'balance' | 'validUntil'>;

/** Credits remain and their `validUntil` has come. */
function isExpiredAt({ balance, validUntil }: CreditBalance, now: Date): boolean {
  return balance > 0 && validUntil !== null && validUntil.getTime() <= now.getTime();
}

/** What of a stored balance can be spent at `now`: nothing once `validUntil` has come. For reads and writes alike. */
export function spendableCredits(balance: CreditBalance, now: Date): number {
  return isExpiredAt(balance, now) ? 0 : balance.balance;
}

/** Spendable credits remain and expire within EXPIRY_NOTICE_DAYS of `now`. */
export function creditsExpireSoon(balance: CreditBalance, now: Date): boolean {
  const { validUntil } = balance;
  return spendableCredits(balance, now) > 0 && validUntil !== null && validUntil.getTime() - now.getTime() <= EXPIRY_NOTICE_DAYS * DAY_MS;
}

/**
 * Why a balance cannot pay `amount` at `now`, or null when it can: CREDITS_EXPIRED when credits remain but
 * `validUntil` has come, INSUFFICIENT_CREDITS when they do not cover it. The one rule for spending, and what the
 * schedule tells a member before they try.
 */
export function creditRefusal(balance: CreditBalance, amount: number, now: Date): CreditsExpiredError | InsufficientCreditsError | null {
  if (amount === 0) return null;
  if (isExpiredAt(balance, now)) return new CreditsExpiredError(balance.validUntil as Date);
  return balance.balance >= amount ? null : new InsufficientCreditsError(amount, balance.balance);
}
