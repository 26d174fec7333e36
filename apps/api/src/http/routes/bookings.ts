import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bookingPageSchema, bookingSchema, idParamsSchema, idempotentHeadersSchema, listBookingsQuerySchema } from '@fitflow/api-contract';
import type { BookingView, Outlooks } from '@fitflow/application-booking';
import type { Actor } from '@fitflow/application-shared';
import type { BookingHandlers } from '../../modules/booking';
import { bookingCalendar } from '../calendar/booking-calendar';
import { bearer, problemResponses } from '../openapi';

const tags = ['bookings'];

export interface BookingRoutesOptions {
  handlers: BookingHandlers;
  outlooks: Outlooks;
  studio: { name: string; timeZone: string };
}

/**
 * Bookings: any signed-in caller books a spot and reads their own; a booking is visible to its member, the
 * session's trainer and admins (404 for anyone else); its member or an admin cancels it.
 */
export const bookingRoutes: FastifyPluginAsyncZod<BookingRoutesOptions> = async (app, { handlers, outlooks, studio }) => {
  /** The caller's own booking, with what they can do with it now. */
  const presentOwn = (view: BookingView, actor: Actor) => presentBooking(outlooks, view, actor, actor.userId);

  app.post(
    '/sessions/:id/book',
    {
      onRequest: app.authenticate,
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Book a spot in a session',
        description:
          '409 SESSION_FULL when every spot is taken (enforced under concurrency), 409 ALREADY_BOOKED for a second ' +
          'confirmed booking, 409 ALREADY_HOLDING beside the caller’s own active hold on the session (confirm that ' +
          'hold instead), 409 INVALID_STATE unless published and not started; 402 INSUFFICIENT_CREDITS when the caller’s ' +
          'balance does not cover the session’s `creditCost`, 402 CREDITS_EXPIRED when their credits have expired (nothing ' +
          'is booked; the credits are spent in the booking’s transaction); 404 for an unknown session. ' +
          'With an Idempotency-Key, a retry answers the first answer again (see the header).',
        operationId: 'bookSession',
        security: bearer,
        headers: idempotentHeadersSchema,
        params: idParamsSchema,
        response: { 201: bookingSchema, ...problemResponses(400, 401, 402, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentOwn(await handlers.createBooking.handle({ actor: request.user, sessionId: request.params.id }), request.user)),
  );

  app.get(
    '/bookings',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'My bookings, one tab at a time',
        description:
          '`upcoming`: confirmed, not started, soonest first. `past`: confirmed or no-show, started, latest first. ' +
          '`cancelled`: most recently cancelled first.',
        operationId: 'listMyBookings',
        security: bearer,
        querystring: listBookingsQuerySchema,
        response: { 200: bookingPageSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const page = await handlers.listMyBookings.handle({ actor: request.user, ...request.query });
      return { ...page, items: page.items.map((view) => presentOwn(view, request.user)) };
    },
  );

  app.get(
    '/bookings/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'One booking (its member, the session’s trainer or an admin)',
        operationId: 'getBooking',
        security: bearer,
        params: idParamsSchema,
        response: { 200: bookingSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { view, memberId } = await handlers.getBooking.handle({ actor: request.user, id: request.params.id });
      return presentBooking(outlooks, view, request.user, memberId);
    },
  );

  app.patch(
    '/bookings/:id/cancel',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'Cancel a booking (its member or an admin), with the studio’s refund',
        description:
          'Refunds by the studio’s cancellation policy (its tiers: GET /studio), by how long before the start the booking ' +
          'is cancelled: `floor(creditsSpent × refundPercentage / 100)` credits back to the member’s balance in the same transaction. 409 INVALID_STATE once the member has checked in, once the session has started, or when the ' +
          'booking is already cancelled or a no-show.',
        operationId: 'cancelBooking',
        security: bearer,
        params: idParamsSchema,
        response: { 200: bookingSchema, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => presentOwn(await handlers.cancelBooking.handle({ actor: request.user, bookingId: request.params.id }), request.user),
  );

  app.get(
    '/bookings/:id/calendar.ics',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'The booking as a calendar event (its member only)',
        description: 'An iCalendar (RFC 5545) VEVENT at the studio’s wall-clock times, with its VTIMEZONE (UTC times for a UTC studio).',
        operationId: 'getBookingCalendar',
        security: bearer,
        params: idParamsSchema,
        response: {
          200: { description: 'The iCalendar file', content: { 'text/calendar': { schema: z.string() } } },
          ...problemResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      // Owner only: as a plain member the caller sees nothing but their own bookings.
      const { view: booking } = await handlers.getBooking.handle({ actor: { ...request.user, role: 'member' }, id: request.params.id });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="booking-${booking.id}.ics"`)
        .send(bookingCalendar(booking, studio, new Date()));
    },
  );
};

/** A booking as API.md answers it: its view, and what `actor` can do with it now (`memberId` is whose it is). */
export function presentBooking(outlooks: Pick<Outlooks, 'forBooking'>, view: BookingView, actor: Actor, memberId: string) {
  return { ...view, ...outlooks.forBooking(view, { actor, memberId }) };
}
