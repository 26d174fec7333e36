import { z } from 'zod';
import { instantSchema, storableText } from './common';
import { instantInputSchema } from './sessions';

export const CHECK_IN_METHODS = ['manual', 'qr'] as const;
/** `manual`: a trainer's Check in button on the roster; `qr`: the member's code, scanned or typed at the door. */
export const checkInMethodSchema = z.enum(CHECK_IN_METHODS).meta({ id: 'CheckInMethod' });
export type CheckInMethod = z.infer<typeof checkInMethodSchema>;

/** The longest text POST /checkins reads as a code (a code is 64 characters; a scanner may add a line break). */
export const CHECK_IN_CODE_MAX_LENGTH = 200;

/**
 * API.md `CheckIn`: who was checked in to which class, when, and whether late (after the start plus the studio's
 * `checkInGraceMinutes`). `sessionName` and `userId` go beyond API.md, so the door can say who and where at once.
 */
export const checkInSchema = z
  .object({
    bookingId: z.uuid(),
    sessionId: z.uuid(),
    sessionName: z.string(),
    userId: z.uuid(),
    userName: z.string(),
    checkedInAt: instantSchema,
    isLate: z.boolean(),
    method: checkInMethodSchema,
  })
  .meta({ id: 'CheckIn' });
export type CheckIn = z.infer<typeof checkInSchema>;

/** POST /bookings/{id}/checkin: a trainer's button. Codes go to POST /checkins. */
export const manualCheckInRequestSchema = z
  .object({ method: z.literal('manual', { message: 'Use "manual"; scanned codes go to POST /checkins' }) })
  .meta({ id: 'ManualCheckInRequest' });
export type ManualCheckInRequest = z.infer<typeof manualCheckInRequestSchema>;

/**
 * POST /checkins: the code as scanned from the member's QR code or typed by a hardware scanner (surrounding
 * whitespace, such as a scanner's Enter, is ignored). Any text that is no valid code is 400 INVALID_CODE.
 */
export const scanCheckInRequestSchema = z
  .object({
    code: storableText()
      .trim()
      .min(1, { message: 'Scan or type the code' })
      .max(CHECK_IN_CODE_MAX_LENGTH, { message: `A check-in code has at most ${CHECK_IN_CODE_MAX_LENGTH} characters` }),
  })
  .meta({ id: 'ScanCheckInRequest' });
export type ScanCheckInRequest = z.infer<typeof scanCheckInRequestSchema>;

export const ROSTER_STATUSES = ['confirmed', 'no_show'] as const;
/** A booked member's status on the roster: cancelled bookings are not on it; `no_show` from the class's end. */
export const rosterStatusSchema = z.enum(ROSTER_STATUSES).meta({ id: 'RosterStatus' });
export type RosterStatus = z.infer<typeof rosterStatusSchema>;

/**
 * One booked member of a session (GET /sessions/{id}/roster, sorted by name): checked in when `checkedInAt` is
 * set (with `method` and `isLate`), a no-show from the class's end when not.
 */
export const rosterEntrySchema = z
  .object({
    bookingId: z.uuid(),
    userId: z.uuid(),
    name: z.string(),
    email: z.string(),
    status: rosterStatusSchema,
    checkedInAt: instantSchema.nullable(),
    isLate: z.boolean(),
    method: checkInMethodSchema.nullable(),
  })
  .meta({ id: 'RosterEntry' });
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

export const rosterSchema = z.array(rosterEntrySchema).meta({ id: 'Roster' });

/**
 * One session of the attendance report. `booked`: bookings not cancelled; `checkedIn` of them, `late` of those;
 * `noShow`: not checked in by the class's end (so `booked = checkedIn + noShow` once a class is over). Beyond
 * API.md: `templateId` (to group a class's sessions over time; null without one), `trainerId`, `trainerName`, `endsAt`.
 */
export const attendanceRowSchema = z
  .object({
    sessionId: z.uuid(),
    name: z.string(),
    templateId: z.uuid().nullable(),
    trainerId: z.uuid(),
    trainerName: z.string(),
    startsAt: instantSchema,
    endsAt: instantSchema,
    capacity: z.number().int(),
    booked: z.number().int(),
    checkedIn: z.number().int(),
    late: z.number().int(),
    noShow: z.number().int(),
  })
  .meta({ id: 'AttendanceRow' });
export type AttendanceRow = z.infer<typeof attendanceRowSchema>;

export const attendanceReportSchema = z.array(attendanceRowSchema).meta({ id: 'AttendanceReport' });

/**
 * GET /reports/attendance: published sessions (drafts and cancelled classes left out) starting in `[from, to)`, at
 * most 366 days, by `startsAt`. A trainer gets their own (`trainerId` may only name themselves); an admin every
 * trainer's, or the one `trainerId` names. (No component name: Swagger reads a query schema only inline.)
 */
export const attendanceReportQuerySchema = z.object({
  from: instantInputSchema,
  to: instantInputSchema,
  trainerId: z.uuid().optional(),
});
export type AttendanceReportQuery = z.infer<typeof attendanceReportQuerySchema>;

/**
 * GET /bookings/{id}/checkin-code, for the booking's member: the code that GET /bookings/{id}/qr draws, as text (for
 * a hardware scanner's test or to type in), and when the door opens (30 minutes before the start) and closes (the end).
 */
export const checkInCodeSchema = z
  .object({
    bookingId: z.uuid(),
    code: z.string(),
    opensAt: instantSchema,
    closesAt: instantSchema,
  })
  .meta({ id: 'CheckInCode' });
export type CheckInCode = z.infer<typeof checkInCodeSchema>;
