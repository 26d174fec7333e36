import { z } from 'zod';
import { instantSchema } from './common';

export const HOLD_STATUSES = ['pending', 'confirmed', 'expired', 'released'] as const;
export const holdStatusSchema = z.enum(HOLD_STATUSES).meta({ id: 'HoldStatus' });
export type HoldStatus = z.infer<typeof holdStatusSchema>;

export const HOLD_SOURCES = ['member', 'waitlist'] as const;
/** `member`: the member asked (HOLD_DURATION); `waitlist`: a freed spot offered to the next in line (WAITLIST_HOLD_DURATION). */
export const holdSourceSchema = z.enum(HOLD_SOURCES).meta({ id: 'HoldSource' });
export type HoldSource = z.infer<typeof holdSourceSchema>;

/** API.md `Hold`: a spot kept for one member until `expiresAt`; it stops counting against capacity at that instant. */
export const holdSchema = z
  .object({
    id: z.uuid(),
    sessionId: z.uuid(),
    sessionName: z.string(),
    startsAt: instantSchema,
    createdAt: instantSchema,
    expiresAt: instantSchema,
    status: holdStatusSchema,
    source: holdSourceSchema,
  })
  .meta({ id: 'Hold' });
export type Hold = z.infer<typeof holdSchema>;
