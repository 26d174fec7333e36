import type { ChargeOutcome, ChargeRequest, PaymentGateway } from '../credit-ports';

/** A card's answer by Stripe's test PaymentMethod ids; any other card is declined. */
const CARDS: Readonly<Record<string, ChargeOutcome['status']>> = {
  pm_card_visa: 'succeeded',
  pm_card_chargeDeclined: 'failed',
  pm_card_threeDSecure2Required: 'requires_action',
};

export const DECLINE_REASON = 'Your card was declined.';

/** What a scripted call does instead of the card's answer: answer with this status, or throw this error. */
export type ScriptedAnswer = ChargeOutcome['status'] | Error;

/**
 * A PaymentGateway that records every call and answers by card as Stripe's test mode does, unless a test scripted
 * the next answers (`thenAnswer`). Like Stripe, one idempotency key is one PaymentIntent: `pi_fake_<n>`, the same on
 * every call with that key, also when the call throws (the charge was made, its answer lost). `whileCharging` runs
 * before the answer, as a webhook that overtakes the API's response.
 */
export class ScriptedPaymentGateway implements PaymentGateway {
  readonly #calls: ChargeRequest[] = [];
  readonly #intents = new Map<string, string>();
  #scripted: ScriptedAnswer[] = [];
  #whileCharging: ((request: ChargeRequest, paymentIntentId: string) => Promise<void>) | null = null;

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    this.#calls.push({ ...request });
    const paymentIntentId = this.intentOf(request.idempotencyKey);
    const answer = this.#scripted.shift() ?? CARDS[request.paymentMethodId] ?? 'failed';
    await this.#whileCharging?.(request, paymentIntentId);
    if (answer instanceof Error) throw answer;
    return outcomeOf(answer, paymentIntentId);
  }

  /** The next calls answer these, in order, whatever the card; later calls answer by card again. */
  thenAnswer(...answers: ScriptedAnswer[]): this {
    this.#scripted.push(...answers);
    return this;
  }

  whileCharging(hook: (request: ChargeRequest, paymentIntentId: string) => Promise<void>): this {
    this.#whileCharging = hook;
    return this;
  }

  /** Every charge request, in order. */
  get calls(): ChargeRequest[] {
    return this.#calls.map((call) => ({ ...call }));
  }

  /** The PaymentIntent of an idempotency key, created on first sight. */
  intentOf(idempotencyKey: string): string {
    let intent = this.#intents.get(idempotencyKey);
    if (!intent) {
      intent = `pi_fake_${this.#intents.size + 1}`;
      this.#intents.set(idempotencyKey, intent);
    }
    return intent;
  }

  static clientSecretOf(paymentIntentId: string): string {
    return `${paymentIntentId}_secret_fake`;
  }
}

function outcomeOf(status: ChargeOutcome['status'], paymentIntentId: string): ChargeOutcome {
  switch (status) {
    case 'succeeded':
    case 'processing':
      return { status, paymentIntentId };
    case 'requires_action':
      return { status, paymentIntentId, clientSecret: ScriptedPaymentGateway.clientSecretOf(paymentIntentId) };
    case 'failed':
      return { status, paymentIntentId, reason: DECLINE_REASON };
  }
}
