import { z } from 'zod';
import { instantSchema, pageOf, pageQuerySchema } from './common';

export const BOOKING_STATUSES = ['confirmed', 'cancelled', 'no_show'] as const;
export const bookingStatusSchema = z.enum(BOOKING_STATUSES).meta({ id: 'BookingStatus' });
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

export const BOOKING_LIST_SCOPES = ['upcoming', 'past', 'cancelled'] as const;
export const bookingScopeSchema = z.enum(BOOKING_LIST_SCOPES, { message: 'Use upcoming, past or cancelled' });
export type BookingListScope = z.infer<typeof bookingScopeSchema>;

/** API.md `Booking`. `refundPercentage` and `creditsRefunded` are set once it is cancelled. */
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
    checkedInAt: instantSchema.nullable(),
    isLate: z.boolean(),
  })
  .meta({ id: 'Booking' });
export type Booking = z.infer<typeof bookingSchema>;

/** GET /bookings: the caller's own bookings of one tab. */
export const listBookingsQuerySchema = pageQuerySchema.extend({
  scope: bookingScopeSchema.default('upcoming'),
});
export type ListBookingsQuery = z.input<typeof listBookingsQuerySchema>;

export const bookingPageSchema = pageOf(bookingSchema).meta({ id: 'BookingPage' });
