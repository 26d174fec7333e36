import type { Transaction } from 'kysely';
import type { PaymentEventLog } from '@fitflow/application-membership';
import type { Database } from '../../database/schema';

/**
 * The gateway's events already handled, recorded in the transaction that handles them: a replay finds the id and
 * changes nothing, and a concurrent second delivery waits on the first's insert and then finds it.
 */
export class KyselyPaymentEventLog implements PaymentEventLog {
  constructor(private readonly trx: Transaction<Database>) {}

  async recordFirstDelivery(eventId: string, at: Date): Promise<boolean> {
    const inserted = await this.trx
      .insertInto('payment_events')
      .values({ id: eventId, received_at: at })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }
}
