import type { Handler, UnitOfWork } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import type { CreditRepositories, PaymentEvent } from '../../credit-ports';
import { settlePurchase } from '../purchase-credits/settle-purchase';

export interface HandlePaymentEventCommand {
  event: PaymentEvent;
}

/** `handled`: it changed the purchase (or found it already so); `duplicate`: this event id was handled before; `ignored`: not a FitFlow purchase. */
export type PaymentEventResult = 'handled' | 'duplicate' | 'ignored';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Finishes a purchase from a verified webhook (`payment_intent.succeeded` / `payment_failed`): the 3-D Secure
 * payments whose answer comes later, and any purchase whose API call died before it settled. In one transaction
 * the event id is recorded (a replay changes nothing) and the purchase settled like the API call would
 * (`settlePurchase`), so the credits are added once whichever of the two comes first.
 */
export class HandlePaymentEventHandler implements Handler<HandlePaymentEventCommand, PaymentEventResult> {
  constructor(
    private readonly uow: UnitOfWork<CreditRepositories>,
    private readonly clock: Clock,
  ) {}

  async handle({ event }: HandlePaymentEventCommand): Promise<PaymentEventResult> {
    const purchaseId = event.purchaseId;
    if (!purchaseId || !UUID.test(purchaseId)) return 'ignored';
    return this.uow.transaction(async (repos) => {
      const now = this.clock.now();
      const purchase = await repos.purchases.getForUpdate(purchaseId);
      // Another intent than the purchase's own is not this purchase's payment: answered, so the sender stops retrying.
      if (!purchase || (purchase.paymentIntentId !== null && purchase.paymentIntentId !== event.paymentIntentId)) return 'ignored';
      if (!(await repos.paymentEvents.recordFirstDelivery(event.id, now))) return 'duplicate';
      const { paymentIntentId } = event;
      const outcome =
        event.kind === 'succeeded'
          ? ({ status: 'succeeded', paymentIntentId } as const)
          : ({ status: 'failed', paymentIntentId, reason: event.reason ?? 'The payment failed' } as const);
      await settlePurchase(purchase, outcome, repos, now);
      return 'handled';
    });
  }
}
