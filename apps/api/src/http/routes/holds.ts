import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bookingSchema, holdSchema, idParamsSchema, idempotentHeadersSchema } from '@fitflow/api-contract';
import type { Outlooks } from '@fitflow/application-booking';
import type { BookingHandlers } from '../../modules/booking';
import { presentBooking } from './bookings';
import { bearer, problemResponses } from '../openapi';

const tags = ['holds'];

/**
 * Spot holds: a signed-in caller keeps a spot for a while (HOLD_DURATION), then confirms it into a booking or
 * releases it; a hold is visible to its member only (404 for anyone else).
 */
export const holdRoutes: FastifyPluginAsyncZod<{ handlers: BookingHandlers; outlooks: Outlooks }> = async (app, { handlers, outlooks }) => {
  app.post(
    '/sessions/:id/hold',
    {
      onRequest: app.authenticate,
      preHandler: app.limitBy('hold', (request) => request.user.userId),
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Hold a spot in a session while deciding',
        description:
          '201 with a new hold; 200 with the same hold when the caller already holds one here. 409 SESSION_FULL, ' +
          '409 ALREADY_BOOKED, 409 INVALID_STATE unless published and not started; 404 for an unknown session; ' +
          '429 RATE_LIMITED past the per-member limit (5 a minute by default), with Retry-After.',
        operationId: 'holdSpot',
        security: bearer,
        headers: idempotentHeadersSchema,
        params: idParamsSchema,
        response: { 200: holdSchema, 201: holdSchema, ...problemResponses(400, 401, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const { hold, created } = await handlers.createHold.handle({ actor: request.user, sessionId: request.params.id });
      return reply.status(created ? 201 : 200).send(hold);
    },
  );

  app.get(
    '/holds/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'One of my holds',
        operationId: 'getHold',
        security: bearer,
        params: idParamsSchema,
        response: { 200: holdSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => handlers.getHold.handle({ actor: request.user, holdId: request.params.id }),
  );

  app.post(
    '/holds/:id/confirm',
    {
      onRequest: app.authenticate,
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Turn my hold into a booking',
        description:
          '410 HOLD_EXPIRED once the hold lapsed (at `expiresAt` exactly) or was released; 409 INVALID_STATE when the ' +
          'session is no longer open; 409 ALREADY_BOOKED; 402 INSUFFICIENT_CREDITS or CREDITS_EXPIRED when the balance ' +
          'cannot pay the session’s `creditCost` (the hold stays pending: buy credits and confirm before it lapses); 404 for ' +
          'anyone but its member.',
        operationId: 'confirmHold',
        security: bearer,
        headers: idempotentHeadersSchema,
        params: idParamsSchema,
        response: { 201: bookingSchema, ...problemResponses(400, 401, 402, 404, 409, 410, 422) },
      },
    },
    async (request, reply) => {
      const booking = await handlers.confirmHold.handle({ actor: request.user, holdId: request.params.id });
      return reply.status(201).send(presentBooking(outlooks, booking, request.user, request.user.userId));
    },
  );

  app.delete(
    '/holds/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'Give my held spot back',
        description: '410 HOLD_EXPIRED once it lapsed or was released; 409 INVALID_STATE once confirmed; 404 for anyone but its member.',
        operationId: 'releaseHold',
        security: bearer,
        params: idParamsSchema,
        response: { 204: z.undefined(), ...problemResponses(400, 401, 404, 409, 410) },
      },
    },
    async (request, reply) => {
      await handlers.releaseHold.handle({ actor: request.user, holdId: request.params.id });
      return reply.status(204).send();
    },
  );
};
