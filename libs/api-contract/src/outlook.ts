import { z } from 'zod';
import { instantSchema } from './common';

/**
 * Whether the caller can do something now, decided by the domain's own rule. When not, `code` is the problem code
 * the API would answer the request with (`SESSION_FULL`, `ALREADY_BOOKED`, `UNAUTHENTICATED`, ...; `FORBIDDEN` where
 * the caller may see the thing but not do it, which the request itself answers as 404) and `reason` says why in a
 * sentence the caller can be shown; both are null when allowed.
 */
export const decisionSchema = z
  .object({
    allowed: z.boolean(),
    code: z.string().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'Decision' });
export type Decision = z.infer<typeof decisionSchema>;

/**
 * What cancelling would refund now, by the studio's policy, as a percentage and in credits (rounded down), and
 * when and to what that drops next; `changesAt` and the `next…` fields are null once it will not change any more.
 */
export const refundOutlookSchema = z
  .object({
    percentage: z.number().int().min(0).max(100),
    credits: z.number().int().min(0),
    changesAt: instantSchema.nullable(),
    nextPercentage: z.number().int().min(0).max(100).nullable(),
    nextCredits: z.number().int().min(0).nullable(),
  })
  .meta({ id: 'RefundOutlook' });
export type RefundOutlook = z.infer<typeof refundOutlookSchema>;

/** What the caller can do with a session now: book it, or hold a spot on it. */
export const sessionActionsSchema = z.object({ book: decisionSchema, hold: decisionSchema }).meta({ id: 'SessionActions' });
export type SessionActions = z.infer<typeof sessionActionsSchema>;

/** What the caller can do with a booking now: cancel it. */
export const bookingActionsSchema = z.object({ cancel: decisionSchema }).meta({ id: 'BookingActions' });
export type BookingActions = z.infer<typeof bookingActionsSchema>;
