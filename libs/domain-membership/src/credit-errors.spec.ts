import { describe, expect, it } from 'vitest';
import { CreditsExpiredError, InsufficientCreditsError, PaymentFailedError, plural } from './credit-errors';

describe('credit errors', () => {
  it('says what the class costs and what the member has, in singular and plural', () => {
    const error = new InsufficientCreditsError(1, 0);
    expect(error).toMatchObject({ code: 'INSUFFICIENT_CREDITS', needed: 1, available: 0 });
    expect(error.message).toBe('This class costs 1 credit; you have 0 credits');
    expect(new InsufficientCreditsError(3, 2).message).toBe('This class costs 3 credits; you have 2 credits');
  });

  it('says on which day the credits expired', () => {
    const error = new CreditsExpiredError(new Date('2026-11-30T23:59:59.999Z'));
    expect(error).toMatchObject({ code: 'CREDITS_EXPIRED', validUntil: new Date('2026-11-30T23:59:59.999Z') });
    expect(error.message).toBe('Your credits expired on 2026-11-30; buy a package to book again');
  });

  it('carries the card’s reason for a failed payment', () => {
    expect(new PaymentFailedError('Your card was declined.')).toMatchObject({
      code: 'PAYMENT_FAILED',
      reason: 'Your card was declined.',
      message: 'The payment failed: Your card was declined.',
    });
  });

  it.each([
    [0, '0 credits'],
    [1, '1 credit'],
    [2, '2 credits'],
  ])('writes %i as %j', (credits, text) => {
    expect(plural(credits)).toBe(text);
  });
});
