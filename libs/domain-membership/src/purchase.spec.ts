import { describe, expect, it } from 'vitest';
import { FixedClock, InvalidStateError } from '@fitflow/domain-shared';
import { Purchase } from './purchase';

const STARTED_AT = '2026-12-01T07:00:00.000Z';
const ANSWERED_AT = '2026-12-01T07:00:02.000Z';
const BOUGHT = { purchaseId: 'purchase-1', packageName: '10 classes', credits: 10, validityDays: 90, priceCents: 9_000, currency: 'EUR' };

function started(): { purchase: Purchase; clock: FixedClock } {
  const clock = new FixedClock(STARTED_AT);
  const purchase = Purchase.start({ ...BOUGHT, memberId: 'member-1', packageId: 'package-1', at: clock.now() });
  clock.set(ANSWERED_AT);
  return { purchase, clock };
}

function awaitingAction(): { purchase: Purchase; clock: FixedClock } {
  const { purchase, clock } = started();
  purchase.requireAction('pi_1', 'pi_1_secret_abc', clock.now());
  return { purchase, clock };
}

describe('Purchase.start', () => {
  it('is pending with the package’s terms as bought, and no intent yet', () => {
    const { purchase } = started();
    expect(purchase.snapshot()).toEqual({
      ...BOUGHT,
      id: 'purchase-1',
      memberId: 'member-1',
      packageId: 'package-1',
      status: 'pending',
      paymentIntentId: null,
      clientSecret: null,
      failureReason: null,
      createdAt: new Date(STARTED_AT),
      updatedAt: new Date(STARTED_AT),
    });
    expect(purchase.bought).toEqual(BOUGHT);
    expect(purchase.isOwnedBy('member-1')).toBe(true);
    expect(purchase.isOwnedBy('member-2')).toBe(false);
    expect(purchase.pullEvents()).toEqual([]);
  });
});

describe('Purchase.succeed', () => {
  it('says true once, when it moves the purchase to succeeded, and false every time after', () => {
    const { purchase, clock } = started();
    expect(purchase.succeed('pi_1', clock.now())).toBe(true);
    expect(purchase.snapshot()).toMatchObject({ status: 'succeeded', paymentIntentId: 'pi_1', updatedAt: new Date(ANSWERED_AT) });
    clock.advanceMinutes(1);
    expect(purchase.succeed('pi_1', clock.now())).toBe(false);
    expect(purchase.snapshot().updatedAt).toEqual(new Date(ANSWERED_AT));
  });

  it('finishes a 3-D Secure purchase and forgets its client secret', () => {
    const { purchase, clock } = awaitingAction();
    expect(purchase.succeed('pi_1', clock.now())).toBe(true);
    expect(purchase.snapshot()).toMatchObject({ status: 'succeeded', clientSecret: null });
  });

  it('refuses another intent than its own with INVALID_STATE, and stays as it was', () => {
    const { purchase, clock } = awaitingAction();
    expect(() => purchase.succeed('pi_other', clock.now())).toThrow(InvalidStateError);
    expect(purchase.snapshot()).toMatchObject({ status: 'requires_action', paymentIntentId: 'pi_1' });
  });

  it('credits a success of its own intent that comes after a failure: the money was taken', () => {
    const { purchase, clock } = awaitingAction();
    purchase.fail('pi_1', 'The card holder did not complete authentication.', clock.now());
    expect(purchase.succeed('pi_1', clock.now())).toBe(true);
    expect(purchase.snapshot()).toMatchObject({ status: 'succeeded', failureReason: null });
  });
});

describe('Purchase.requireAction', () => {
  it('keeps the intent and its client secret for the browser', () => {
    const { purchase } = awaitingAction();
    expect(purchase.snapshot()).toMatchObject({
      status: 'requires_action',
      paymentIntentId: 'pi_1',
      clientSecret: 'pi_1_secret_abc',
      updatedAt: new Date(ANSWERED_AT),
    });
  });

  it('changes nothing but a pending purchase: a late answer does not undo a webhook’s outcome', () => {
    const paid = started();
    paid.purchase.succeed('pi_1', paid.clock.now());
    const failed = started();
    failed.purchase.fail('pi_1', 'Your card was declined.', failed.clock.now());
    const waiting = awaitingAction();
    for (const { purchase, clock } of [paid, failed, waiting]) {
      const before = purchase.snapshot();
      clock.advanceMinutes(1);
      purchase.requireAction('pi_1', 'pi_1_secret_later', clock.now());
      expect(purchase.snapshot()).toEqual(before);
    }
  });

  it('refuses another intent than its own with INVALID_STATE', () => {
    const { purchase, clock } = started();
    purchase.awaitOutcome('pi_1', clock.now());
    expect(() => purchase.requireAction('pi_other', 'pi_other_secret', clock.now())).toThrow(InvalidStateError);
  });
});

describe('Purchase.awaitOutcome', () => {
  it('stays pending and remembers the intent the webhook will name', () => {
    const { purchase, clock } = started();
    purchase.awaitOutcome('pi_1', clock.now());
    expect(purchase.snapshot()).toMatchObject({ status: 'pending', paymentIntentId: 'pi_1' });
    expect(() => purchase.succeed('pi_other', clock.now())).toThrow(InvalidStateError);
    expect(purchase.succeed('pi_1', clock.now())).toBe(true);
  });
});

describe('Purchase.fail', () => {
  it('fails a pending purchase with the card’s reason', () => {
    const { purchase, clock } = started();
    purchase.fail('pi_1', 'Your card was declined.', clock.now());
    expect(purchase.snapshot()).toMatchObject({
      status: 'failed',
      paymentIntentId: 'pi_1',
      clientSecret: null,
      failureReason: 'Your card was declined.',
      updatedAt: new Date(ANSWERED_AT),
    });
  });

  it('fails a 3-D Secure purchase and forgets its client secret', () => {
    const { purchase, clock } = awaitingAction();
    purchase.fail('pi_1', 'The card holder did not complete authentication.', clock.now());
    expect(purchase.snapshot()).toMatchObject({ status: 'failed', clientSecret: null });
  });

  it('keeps the known intent when the failure names none', () => {
    const { purchase, clock } = awaitingAction();
    purchase.fail(null, 'The payment failed', clock.now());
    expect(purchase.snapshot()).toMatchObject({ status: 'failed', paymentIntentId: 'pi_1' });
  });

  it('changes nothing after a success: a paid purchase stays paid', () => {
    const { purchase, clock } = started();
    purchase.succeed('pi_1', clock.now());
    const before = purchase.snapshot();
    clock.advanceMinutes(1);
    purchase.fail('pi_1', 'Your card was declined.', clock.now());
    expect(purchase.snapshot()).toEqual(before);
    expect(purchase.pullEvents()).toEqual([]);
  });

  it('fails once: a replayed failure changes nothing', () => {
    const { purchase, clock } = started();
    purchase.fail('pi_1', 'Your card was declined.', clock.now());
    const before = purchase.snapshot();
    clock.advanceMinutes(1);
    purchase.fail('pi_1', 'Your card has insufficient funds.', clock.now());
    expect(purchase.snapshot()).toEqual(before);
  });

  it('refuses another intent than its own with INVALID_STATE', () => {
    const { purchase, clock } = awaitingAction();
    expect(() => purchase.fail('pi_other', 'Your card was declined.', clock.now())).toThrow(InvalidStateError);
    expect(purchase.status).toBe('requires_action');
  });
});

describe('Purchase.restore', () => {
  it('comes back as it was stored, recording nothing', () => {
    const { purchase, clock } = awaitingAction();
    const restored = Purchase.restore(purchase.snapshot());
    expect(restored.snapshot()).toEqual(purchase.snapshot());
    expect(restored.paymentIntentId).toBe('pi_1');
    expect(restored.pullEvents()).toEqual([]);
    expect(restored.succeed('pi_1', clock.now())).toBe(true);
  });
});
