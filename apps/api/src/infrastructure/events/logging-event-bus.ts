import type { Logger } from 'pino';
import type { EventBus, EventEnvelope } from '@fitflow/application-shared';

/** Logs every event with its id before handing it on, so each one can be traced through the logs. */
export class LoggingEventBus implements EventBus {
  constructor(
    private readonly inner: EventBus,
    private readonly logger: Logger,
  ) {}

  async publish(envelopes: readonly EventEnvelope[]): Promise<void> {
    for (const { id, event } of envelopes) {
      this.logger.info({ eventId: id, eventType: event.type, aggregateId: event.aggregateId }, 'event published');
    }
    await this.inner.publish(envelopes);
  }
}
