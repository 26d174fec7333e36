import { z } from 'zod';
import { instantSchema, pageOf, pageQuerySchema, storableText } from './common';
import { refundOutlookSchema, sessionActionsSchema } from './outlook';
import { capacitySchema, classDescriptionSchema, classNameSchema, creditCostSchema } from './templates';

export const SESSION_STATUSES = ['draft', 'published', 'in_progress', 'completed', 'cancelled'] as const;
export const sessionStatusSchema = z.enum(SESSION_STATUSES).meta({ id: 'SessionStatus' });
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekdaySchema = z.enum(WEEKDAYS, { message: 'Use mon, tue, wed, thu, fri, sat or sun' });
export type Weekday = z.infer<typeof weekdaySchema>;

export const MAX_SERIES_SESSIONS = 100;
export const CANCELLATION_REASON_MAX_LENGTH = 500;

/** An instant in a request: ISO-8601 with `Z` or an explicit offset (answers always use `Z`). */
export const instantInputSchema = z.iso.datetime({ offset: true, message: 'Enter an ISO-8601 date and time, e.g. 2026-12-01T07:00:00Z' });

/** The signed-in caller's own stake in a session; each null when none. */
export const sessionViewerStateSchema = z
  .object({
    bookingId: z.uuid().nullable(),
    holdId: z.uuid().nullable(),
    waitlistPosition: z.number().int().min(1).nullable(),
  })
  .meta({ id: 'SessionViewerState' });
export type SessionViewerState = z.infer<typeof sessionViewerStateSchema>;

/**
 * API.md `Session`. `status` is effective at the time of the answer (`in_progress` from `startsAt`, `completed`
 * from `endsAt`). `availableSpots = capacity - bookedCount - heldCount`. `me` is present exactly when the caller
 * is signed in. `actions` says what the caller can do now (an anonymous caller is told to sign in where a member
 * could); `refundOutlook` what cancelling a booking of it at its `creditCost` would refund now, and next.
 */
export const sessionSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    templateId: z.uuid().nullable(),
    trainerId: z.uuid(),
    trainerName: z.string(),
    startsAt: instantSchema,
    endsAt: instantSchema,
    capacity: z.number().int(),
    creditCost: z.number().int(),
    bookedCount: z.number().int(),
    heldCount: z.number().int(),
    availableSpots: z.number().int(),
    waitlistCount: z.number().int(),
    status: sessionStatusSchema,
    cancellationReason: z.string().nullable(),
    actions: sessionActionsSchema,
    refundOutlook: refundOutlookSchema,
    me: sessionViewerStateSchema.optional(),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof sessionSchema>;

export const sessionPageSchema = pageOf(sessionSchema).meta({ id: 'SessionPage' });

/** A weekly series: every chosen weekday until `until` (inclusive, the studio's calendar), at the first start's wall-clock time. */
export const repeatSchema = z
  .object({
    weekdays: z.array(weekdaySchema).min(1, { message: 'Choose at least one weekday' }).max(7),
    until: z.iso.date({ message: 'Enter the end date as YYYY-MM-DD' }),
  })
  .meta({ id: 'Repeat' });
export type Repeat = z.infer<typeof repeatSchema>;

/**
 * POST /sessions: one draft, or a weekly series of drafts (at most 100). With a `templateId`, `name`,
 * `description`, `capacity` and `creditCost` default to the template's and `endsAt` to `startsAt` + its duration;
 * without one, `name`, `endsAt` and `capacity` are required.
 */
export const createSessionsRequestSchema = z
  .object({
    templateId: z.uuid().optional(),
    name: classNameSchema.optional(),
    description: classDescriptionSchema.optional(),
    trainerId: z.uuid().optional(),
    startsAt: instantInputSchema,
    endsAt: instantInputSchema.optional(),
    capacity: capacitySchema.optional(),
    creditCost: creditCostSchema.optional(),
    repeat: repeatSchema.optional(),
  })
  .meta({ id: 'CreateSessionsRequest' });
export type CreateSessionsRequest = z.infer<typeof createSessionsRequestSchema>;

/** 201 of POST /sessions: `id` is the first session created, `ids` every one in time order. */
export const createdSessionsSchema = z.object({ id: z.uuid(), ids: z.array(z.uuid()) }).meta({ id: 'CreatedSessions' });
export type CreatedSessions = z.infer<typeof createdSessionsSchema>;

/** PATCH /sessions/{id}: only the fields present change; `startsAt` alone moves the session keeping its length. */
export const updateSessionRequestSchema = z
  .object({
    startsAt: instantInputSchema.optional(),
    endsAt: instantInputSchema.optional(),
    capacity: capacitySchema.optional(),
    trainerId: z.uuid().optional(),
  })
  .meta({ id: 'UpdateSessionRequest' });
export type UpdateSessionRequest = z.infer<typeof updateSessionRequestSchema>;

/** POST /sessions/{id}/cancel: the reason every booked member is told. */
export const cancelSessionRequestSchema = z
  .object({
    reason: storableText()
      .trim()
      .min(1, { message: 'Tell the members why the session is cancelled' })
      .max(CANCELLATION_REASON_MAX_LENGTH, { message: `Use at most ${CANCELLATION_REASON_MAX_LENGTH} characters for the reason` }),
  })
  .meta({ id: 'CancelSessionRequest' });
export type CancelSessionRequest = z.infer<typeof cancelSessionRequestSchema>;

/** A whole series can be published in one request. */
export const MAX_SESSIONS_PER_PUBLISH = MAX_SERIES_SESSIONS;

/** POST /sessions/publish: drafts to open for booking together, all or none; each listed once. */
export const publishSessionsRequestSchema = z
  .object({
    ids: z
      .array(z.uuid())
      .min(1, { message: 'Choose at least one session to publish' })
      .max(MAX_SESSIONS_PER_PUBLISH, { message: `Publish at most ${MAX_SESSIONS_PER_PUBLISH} sessions at once` })
      .refine((ids) => new Set(ids).size === ids.length, { message: 'List each session once' }),
  })
  .meta({ id: 'PublishSessionsRequest' });
export type PublishSessionsRequest = z.infer<typeof publishSessionsRequestSchema>;

/** 200 of POST /sessions/publish: every session published, by `startsAt`. */
export const publishedSessionsSchema = z.object({ items: z.array(sessionSchema) }).meta({ id: 'PublishedSessions' });
export type PublishedSessions = z.infer<typeof publishedSessionsSchema>;

/**
 * GET /sessions: sessions starting in `[from, to)`, by `startsAt` ascending. `available=true` keeps those that
 * can still be booked and have a free spot; `q` is a case-insensitive text in the session's name or description or
 * its trainer's name.
 */
export const listSessionsQuerySchema = pageQuerySchema.extend({
  from: instantInputSchema.optional(),
  to: instantInputSchema.optional(),
  trainerId: z.uuid().optional(),
  available: z
    .enum(['true', 'false'], { message: 'Use true or false' })
    .transform((value) => value === 'true')
    .optional(),
  q: storableText().trim().max(100).optional(),
});
export type ListSessionsQuery = z.input<typeof listSessionsQuerySchema>;
