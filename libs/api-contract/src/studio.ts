import { z } from 'zod';
import { paymentsConfigSchema } from './credits';

export const healthSchema = z.object({ status: z.literal('ok') });
export const readinessSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.record(z.string(), z.enum(['ok', 'failed'])),
});

export const cancellationTierSchema = z.object({
  hoursBefore: z.number().int(),
  refundPercentage: z.number().int().min(0).max(100),
});

export const studioSchema = z
  .object({
    name: z.string(),
    timeZone: z.string(),
    currency: z.string(),
    holdMinutes: z.number(),
    waitlistHoldMinutes: z.number(),
    checkInGraceMinutes: z.number(),
    cancellationPolicy: z.array(cancellationTierSchema),
    /** How the SPA takes cards: Stripe Elements, or the labelled test-mode picker. */
    payments: paymentsConfigSchema,
  })
  .meta({ id: 'Studio' });
export type Studio = z.infer<typeof studioSchema>;
