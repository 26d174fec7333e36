import { z } from 'zod';
import { instantSchema, pageOf, pageQuerySchema } from './common';
import { bookingActionsSchema, refundOutlookSchema } from './outlook';

export const BOOKING_STATUSES = ['confirmed', 'cancelled', 'no_show'] as const;
export const bookingStatusSchema = z.enum(BOOKING_STATUSES).meta({ id: 'BookingStatus' });
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

export const BOOKING_LIST_SCOPES = ['upcoming', 'past', 'cancelled'] as const;
export const bookingScopeSchema = z.enum(BOOKING_LIST_SCOPES, { message: 'Use upcoming, past or cancelled' });
export type BookingListScope = z.infer<typeof bookingScopeSchema>;

export const BOOKING_CANCELLERS = ['member', 'studio'] as const;
/** Who cancelled a booking: its member (or an admin for them), under the refund policy, or the studio, by cancelling the class. */
export const bookingCancellerSchema = z.enum(BOOKING_CANCELLERS).meta({ id: 'BookingCanceller' });
export type BookingCanceller = z.infer<typeof bookingCancellerSchema>;

/**
 * API.md `Booking`. `refundPercentage`, `creditsRefunded` and `cancelledBy` are set once it is cancelled;
 * `cancellationReason` is the studio's reason when the studio cancelled it, null otherwise. `actions` says whether the
 * caller can cancel it now; `refundOutlook` what that would refund now, and next (null when it cannot be cancelled).
 */
export const bookingSchema = z
  .object({
    id: z.uuid(),
    sessionId: z.uuid(),
    sessionName: z.string(),
    trainerName: z.string(),
    startsAt: instantSchema,
    endsAt: instantSchema,
    status: bookingStatusSchema,
    createdAt: instantSchema,
    cancelledAt: instantSchema.nullable(),
    refundPercentage: z.number().int().min(0).max(100).nullable(),
    creditsSpent: z.number().int(),
    creditsRefunded: z.number().int().nullable(),
    cancelledBy: bookingCancellerSchema.nullable(),
    cancellationReason: z.string().nullable(),
    checkedInAt: instantSchema.nullable(),
    isLate: z.boolean(),
    actions: bookingActionsSchema,
    refundOutlook: refundOutlookSchema.nullable(),
  })
  .meta({ id: 'Booking' });
export type Booking = z.infer<typeof bookingSchema>;

/** GET /bookings: the caller's own bookings of one tab. */
export const listBookingsQuerySchema = pageQuerySchema.extend({
  scope: bookingScopeSchema.default('upcoming'),
});
export type ListBookingsQuery = z.input<typeof listBookingsQuerySchema>;

export const bookingPageSchema = pageOf(bookingSchema).meta({ id: 'BookingPage' });
