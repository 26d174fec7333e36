import { AggregateRoot, InvalidStateError, InvalidValueError, domainEvent } from '@fitflow/domain-shared';
import { Credits } from './credits';

export const CREDIT_PACKAGE_SAVED = 'CreditPackageSaved';
export const CREDIT_PACKAGE_RETIRED = 'CreditPackageRetired';

/** What an admin says a package is: what it gives, what it costs (minor units), how long its credits last. */
export interface CreditPackageTerms {
  name: string;
  credits: number;
  priceCents: number;
  currency: string;
  validityDays: number;
}

export interface CreditPackageSnapshot extends CreditPackageTerms {
  id: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const NAME_LENGTH = { min: 1, max: 80 };
const PACKAGE_CREDITS = { min: 1, max: 1_000 };
/** Stripe's smallest charge in most currencies is 50 minor units; the top is a typo's bound. */
const PRICE_CENTS = { min: 50, max: 10_000_000 };
const VALIDITY_DAYS = { min: 1, max: 3_660 };

/**
 * A package of credits the studio sells ("10 classes, 90 €, valid 90 days"). Retiring one stops its sale and keeps it
 * for the purchases that name it; its terms can change, and a purchase keeps the terms it was bought under.
 */
export class CreditPackage extends AggregateRoot {
  #terms: CreditPackageTerms;
  #active: boolean;
  readonly #createdAt: Date;
  #updatedAt: Date;

  private constructor(snapshot: CreditPackageSnapshot) {
    super(snapshot.id);
    this.#terms = validTerms(snapshot);
    this.#active = snapshot.active;
    this.#createdAt = new Date(snapshot.createdAt);
    this.#updatedAt = new Date(snapshot.updatedAt);
  }

  static create(id: string, terms: CreditPackageTerms, at: Date): CreditPackage {
    const created = new CreditPackage({ id, ...terms, active: true, createdAt: at, updatedAt: at });
    created.#recordSaved(at);
    return created;
  }

  static restore(snapshot: CreditPackageSnapshot): CreditPackage {
    return new CreditPackage(snapshot);
  }

  get terms(): CreditPackageTerms {
    return { ...this.#terms };
  }

  get active(): boolean {
    return this.#active;
  }

  /** A retired package is history: it is not sold and not changed (INVALID_STATE). */
  change(terms: CreditPackageTerms, at: Date): void {
    if (!this.#active) throw new InvalidStateError('This package is retired; create a new one');
    this.#terms = validTerms(terms);
    this.#updatedAt = new Date(at);
    this.#recordSaved(at);
  }

  retire(at: Date): void {
    if (!this.#active) return;
    this.#active = false;
    this.#updatedAt = new Date(at);
    this.record(domainEvent(CREDIT_PACKAGE_RETIRED, this.id, at, { packageId: this.id, name: this.#terms.name }));
  }

  /** Only an active package is sold (NOT_FOUND is the caller's answer for a retired one). */
  isForSale(): boolean {
    return this.#active;
  }

  snapshot(): CreditPackageSnapshot {
    return { id: this.id, ...this.#terms, active: this.#active, createdAt: new Date(this.#createdAt), updatedAt: new Date(this.#updatedAt) };
  }

  #recordSaved(at: Date): void {
    this.record(domainEvent(CREDIT_PACKAGE_SAVED, this.id, at, { packageId: this.id, ...this.#terms }));
  }
}

function validTerms({ name, credits, priceCents, currency, validityDays }: CreditPackageTerms): CreditPackageTerms {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed.length < NAME_LENGTH.min || trimmed.length > NAME_LENGTH.max) {
    throw new InvalidValueError('name', `The name must be ${NAME_LENGTH.min} to ${NAME_LENGTH.max} characters`);
  }
  requireBetween(credits, PACKAGE_CREDITS, 'credits', 'A package’s credits');
  requireBetween(priceCents, PRICE_CENTS, 'priceCents', 'The price in cents');
  requireBetween(validityDays, VALIDITY_DAYS, 'validityDays', 'The validity in days');
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) {
    throw new InvalidValueError('currency', 'The currency is a three-letter ISO 4217 code, such as EUR');
  }
  Credits.of(credits);
  return { name: trimmed, credits, priceCents, currency: currency.toUpperCase(), validityDays };
}

function requireBetween(value: number, { min, max }: { min: number; max: number }, field: string, what: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidValueError(field, `${what} must be a whole number from ${min} to ${max}`);
  }
}
