import type { Purchase } from '@fitflow/domain-membership';
import type { ChargeOutcome, CreditRepositories } from '../../credit-ports';

/**
 * Applies what the gateway said about a purchase's payment, under the purchase's row lock: the one place that adds
 * a purchase's credits, and only when `succeed` says this call moved it to `succeeded`. The API's answer, the
 * webhook and their replays all come through here, so the credits are added exactly once whichever is first.
 * Lock order: the purchase, then (last, as always) the member's balance.
 */
export async function settlePurchase(
  purchase: Purchase,
  outcome: ChargeOutcome,
  { purchases, memberships }: Pick<CreditRepositories, 'purchases' | 'memberships'>,
  now: Date,
): Promise<void> {
  switch (outcome.status) {
    case 'succeeded':
      if (purchase.succeed(outcome.paymentIntentId, now)) {
        const membership = await memberships.getForUpdate(purchase.memberId);
        if (!membership) throw new Error(`The buyer ${purchase.memberId} of purchase ${purchase.id} has no account`);
        membership.addCredits(purchase.bought, now);
        await memberships.save(membership);
      }
      break;
    case 'requires_action':
      purchase.requireAction(outcome.paymentIntentId, outcome.clientSecret, now);
      break;
    case 'processing':
      purchase.awaitOutcome(outcome.paymentIntentId, now);
      break;
    case 'failed':
      purchase.fail(outcome.paymentIntentId, outcome.reason, now);
      break;
  }
  await purchases.save(purchase);
}
