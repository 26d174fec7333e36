/**
 * A booking is confirmed when made, cancelled by its member, an admin or the studio (the session was cancelled),
 * or no_show when not checked in.
 */
export const BOOKING_STATUSES = ['confirmed', 'cancelled', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export function isBookingStatus(value: string): value is BookingStatus {
  return (BOOKING_STATUSES as readonly string[]).includes(value);
}

/** A status as a sentence says it: "no-show", not "no_show" ("This booking is no-show and cannot be cancelled"). */
export function describeBookingStatus(status: BookingStatus): string {
  return status.replace('_', '-');
}
