import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HandlePaymentEventHandler, PaymentEvent } from '@fitflow/application-membership';
import { problemResponses } from '../openapi';

export interface WebhookRoutesOptions {
  /** Verifies the signature on the raw body, offline (BAD_SIGNATURE otherwise); null for an event FitFlow ignores. */
  verify(rawBody: Buffer, signature: string | undefined): PaymentEvent | null;
  handlePaymentEvent: Pick<HandlePaymentEventHandler, 'handle'>;
}

/** Stripe signs what it sent byte for byte: the body is kept raw (up to the app's body limit) and parsed by the verifier. */
export const webhookRoutes: FastifyPluginAsyncZod<WebhookRoutesOptions> = async (app, { verify, handlePaymentEvent }) => {
  // This plugin's own parser: only the webhook sees raw bytes; every other route keeps the JSON parser.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post(
    '/webhooks/stripe',
    {
      schema: {
        tags: ['payments'],
        summary: 'Stripe’s webhook: payment_intent.succeeded and payment_intent.payment_failed finish purchases',
        description:
          'Verified with `Stripe-Signature` on the raw body (400 BAD_SIGNATURE otherwise, also while no webhook secret is ' +
          'configured). Each event id is handled once; a replay, an event of a payment FitFlow did not start, or another ' +
          'event type answers 200 and changes nothing.',
        operationId: 'receiveStripeWebhook',
        security: [],
        headers: z.object({ 'stripe-signature': z.string().max(2_000).optional() }),
        response: { 200: z.object({ received: z.literal(true) }), ...problemResponses(400, 413, 415) },
      },
    },
    async (request) => {
      const event = verify(request.body as Buffer, request.headers['stripe-signature']);
      if (event) await handlePaymentEvent.handle({ event });
      return { received: true as const };
    },
  );
};
