import { DomainError } from '@fitflow/domain-shared';

/** The member's balance does not cover what they are about to spend. */
export class InsufficientCreditsError extends DomainError {
  readonly code = 'INSUFFICIENT_CREDITS';

  constructor(
    readonly needed: number,
    readonly available: number,
  ) {
    super(`This class costs ${plural(needed)}; you have ${plural(available)}`);
  }
}

/** The member's credits passed their `validUntil`: an expired balance is never spent, even before the job clears it. */
export class CreditsExpiredError extends DomainError {
  readonly code = 'CREDITS_EXPIRED';

  constructor(readonly validUntil: Date) {
    super(`Your credits expired on ${validUntil.toISOString().slice(0, 10)}; buy a package to book again`);
  }
}

/** The card was declined or the payment failed; `reason` is the card issuer's or the gateway's sentence. */
export class PaymentFailedError extends DomainError {
  readonly code = 'PAYMENT_FAILED';

  constructor(readonly reason: string) {
    super(`The payment failed: ${reason}`);
  }
}

export class CreditPackageNotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(readonly packageId: string) {
    super('No such credit package');
  }
}

export class PurchaseNotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(readonly purchaseId: string) {
    super('No such purchase');
  }
}

export function plural(credits: number): string {
  return `${credits} credit${credits === 1 ? '' : 's'}`;
}
