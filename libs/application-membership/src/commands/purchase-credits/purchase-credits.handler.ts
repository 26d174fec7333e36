import type { Actor, Handler, IdGenerator, UnitOfWork } from '@fitflow/application-shared';
import { CreditPackageNotFoundError, PaymentFailedError, Purchase } from '@fitflow/domain-membership';
import type { Clock } from '@fitflow/domain-shared';
import type { ChargeOutcome, CreditRepositories, PaymentGateway, PurchaseView } from '../../credit-ports';
import { toPurchaseView } from '../../credit-views';
import { PaymentUnavailableError, PurchaseKeyReusedError } from '../../errors';
import { settlePurchase } from './settle-purchase';

export interface PurchaseCreditsCommand {
  actor: Actor;
  packageId: string;
  paymentMethodId: string;
  /** The request's `Idempotency-Key`: a retry with it continues the same purchase and the same charge. */
  requestKey: string | null;
}

/** Stripe keeps an idempotency key for 24 hours; a retry is charged only well within that. */
const CHARGE_RETRY_WINDOW_MS = 23 * 60 * 60 * 1000;

const ABANDONED: ChargeOutcome = {
  status: 'failed',
  paymentIntentId: null,
  reason: 'The payment did not complete within a day; nothing was added. Start a new purchase.',
};

/** The gateway's idempotency key of a purchase's one charge: retries reach the same PaymentIntent. */
export function chargeKeyOf(purchaseId: string): string {
  return `fitflow-purchase-${purchaseId}`;
}

/**
 * A member buys a package by card, in three steps so that no step can lose money:
 * 1. a transaction records the purchase (`pending`, with the package's terms as bought), so a webhook that arrives
 *    before the gateway answers finds it;
 * 2. the gateway creates and confirms the PaymentIntent under a key derived from the purchase, so a retry
 *    (same `Idempotency-Key`, after a crash or a timeout) charges nothing twice;
 * 3. a transaction settles the outcome (`settlePurchase`): succeeded adds the credits, 3-D Secure keeps the client
 *    secret, a decline marks it failed and is then answered 402 PAYMENT_FAILED with the card's reason.
 * An unreachable gateway is 503: the purchase stays pending and the retry finishes it.
 */
export class PurchaseCreditsHandler implements Handler<PurchaseCreditsCommand, PurchaseView> {
  constructor(
    /** Steps 1: a plain unit of work. */
    private readonly records: UnitOfWork<CreditRepositories>,
    /** Step 3: the request's (idempotent) unit of work, whose commit also stores the answer under the key. */
    private readonly settles: UnitOfWork<CreditRepositories>,
    private readonly gateway: PaymentGateway,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle(command: PurchaseCreditsCommand): Promise<PurchaseView> {
    const started = await this.#start(command);
    const outcome = started.status === 'pending' ? await this.#chargeOrAbandon(started, command.paymentMethodId) : null;
    const view = await this.settles.transaction(async (repos) => {
      const purchase = await repos.purchases.getForUpdate(started.id);
      if (!purchase) throw new Error(`Purchase ${started.id} vanished`);
      if (outcome) await settlePurchase(purchase, outcome, repos, this.clock.now());
      return toPurchaseView(purchase.snapshot());
    });
    if (view.status === 'failed') throw new PaymentFailedError(view.failureReason ?? 'The payment was declined');
    return view;
  }

  /** The purchase this request continues (same key) or a new one for a package on sale. */
  async #start({ actor, packageId, requestKey }: PurchaseCreditsCommand): Promise<Purchase> {
    return this.records.transaction(async ({ packages, purchases }) => {
      const earlier = requestKey ? await purchases.byRequestKeyForUpdate(actor.userId, requestKey) : null;
      if (earlier && earlier.packageId !== packageId) throw new PurchaseKeyReusedError();
      if (earlier) return earlier;
      const creditPackage = await packages.get(packageId);
      if (!creditPackage?.isForSale()) throw new CreditPackageNotFoundError(packageId);
      const { name, credits, validityDays, priceCents, currency } = creditPackage.terms;
      const purchase = Purchase.start({
        purchaseId: this.ids.next(),
        memberId: actor.userId,
        packageId,
        packageName: name,
        credits,
        validityDays,
        priceCents,
        currency,
        at: this.clock.now(),
      });
      await purchases.save(purchase, requestKey);
      return purchase;
    });
  }

  /**
   * A pending purchase is charged within a day of its start only: the gateway keeps idempotency keys for 24 hours,
   * so a later charge could be a second one. Later it is given up (a payment that did go through still credits it
   * when its webhook comes: `succeed` takes a failed purchase too).
   */
  async #chargeOrAbandon(purchase: Purchase, paymentMethodId: string): Promise<ChargeOutcome> {
    const age = this.clock.now().getTime() - purchase.createdAt.getTime();
    return age < CHARGE_RETRY_WINDOW_MS ? this.#charge(purchase, paymentMethodId) : ABANDONED;
  }

  async #charge(purchase: Purchase, paymentMethodId: string): Promise<ChargeOutcome> {
    const { purchaseId, priceCents, currency, packageName } = purchase.bought;
    try {
      return await this.gateway.charge({
        purchaseId,
        memberId: purchase.memberId,
        amountCents: priceCents,
        currency,
        paymentMethodId,
        description: `FitFlow: ${packageName}`,
        idempotencyKey: chargeKeyOf(purchaseId),
      });
    } catch (error) {
      throw new PaymentUnavailableError({ cause: error });
    }
  }
}
