import type { Checkpointable } from '@fitflow/application-shared/testing';
import type { PaymentEventLog } from '../credit-ports';

export class InMemoryPaymentEventLog implements PaymentEventLog, Checkpointable {
  #handled = new Map<string, Date>();

  async recordFirstDelivery(eventId: string, at: Date): Promise<boolean> {
    if (this.#handled.has(eventId)) return false;
    this.#handled.set(eventId, new Date(at));
    return true;
  }

  /** The event ids recorded by committed transactions, in order. */
  get handled(): string[] {
    return [...this.#handled.keys()];
  }

  checkpoint(): () => void {
    const handled = new Map(this.#handled);
    return () => {
      this.#handled = handled;
    };
  }
}
