import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import {
  attendanceReportQuerySchema,
  attendanceReportSchema,
  checkInCodeSchema,
  checkInSchema,
  idParamsSchema,
  idempotentHeadersSchema,
  manualCheckInRequestSchema,
  rosterSchema,
  scanCheckInRequestSchema,
} from '@fitflow/api-contract';
import type { AttendanceHandlers } from '../../modules/attendance';
import { bearer, problemResponses } from '../openapi';

const tags = ['attendance'];

/**
 * Check-in at the door and attendance: a session's trainer (or an admin) sees its roster and checks members in, by
 * button or by the code on the member's phone; trainers see their classes' attendance, admins everyone's. Members
 * fetch their own booking's code and its QR image. Members get 403 on the staff routes, anonymous callers 401.
 */
export const attendanceRoutes: FastifyPluginAsyncZod<{ handlers: AttendanceHandlers }> = async (app, { handlers }) => {
  const trainersAndAdmins = app.requireRole('trainer', 'admin');

  app.get(
    '/sessions/:id/roster',
    {
      onRequest: trainersAndAdmins,
      schema: {
        tags,
        summary: 'Who is booked on a session, for the door (its trainer or an admin)',
        description:
          'Every booking that is not cancelled, by name: `checkedInAt`, `method` and `isLate` once checked in; `status` ' +
          '`no_show` from the class’s end when not. 403 for members and for another trainer’s session; 404 for an ' +
          'unknown session or another trainer’s draft.',
        operationId: 'getRoster',
        security: bearer,
        params: idParamsSchema,
        response: { 200: rosterSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => handlers.getRoster.handle({ actor: request.user, sessionId: request.params.id }),
  );

  app.post(
    '/bookings/:id/checkin',
    {
      onRequest: trainersAndAdmins,
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Check a booked member in by hand (the session’s trainer or an admin)',
        description:
          'From 30 minutes before the start until the end; late after the start plus the studio’s ' +
          '`checkInGraceMinutes`. 409 ALREADY_CHECKED_IN the second time; 409 INVALID_STATE outside that window, ' +
          'for a cancelled booking or a cancelled class. 403 for members; 404 for a booking of another trainer’s ' +
          'class. With an Idempotency-Key, a retry answers the first answer again.',
        operationId: 'checkInBooking',
        security: bearer,
        headers: idempotentHeadersSchema,
        params: idParamsSchema,
        body: manualCheckInRequestSchema,
        response: { 201: checkInSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await handlers.recordCheckIn.handle({ actor: request.user, method: 'manual', bookingId: request.params.id })),
  );

  app.post(
    '/checkins',
    {
      onRequest: trainersAndAdmins,
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Check a member in by the code on their phone (scanned, or typed by a hardware scanner)',
        description:
          'The code checks in the booking it was made for, when the caller leads its class (or is an admin). 400 ' +
          'INVALID_CODE for any text that is not a genuine code, and for a code of a cancelled booking or of another ' +
          'trainer’s class; 409 ALREADY_CHECKED_IN when scanned again (two scans at once check in once); 409 ' +
          'INVALID_STATE outside the window (30 minutes before the start until the end). 403 for members.',
        operationId: 'checkInByCode',
        security: bearer,
        headers: idempotentHeadersSchema,
        body: scanCheckInRequestSchema,
        response: { 201: checkInSchema, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await handlers.recordCheckIn.handle({ actor: request.user, method: 'qr', code: request.body.code })),
  );

  app.get(
    '/reports/attendance',
    {
      onRequest: trainersAndAdmins,
      schema: {
        tags,
        summary: 'Attendance per session over a range: a trainer’s own classes, or every class for an admin',
        description:
          'Published sessions starting in [from, to) (at most 366 days), by start: capacity, booked, checked in, late ' +
          'and no-shows (counted from each class’s end, whether or not it has been marked yet). `trainerId` narrows an ' +
          'admin’s report to one trainer; a trainer naming another trainer gets 403. 403 for members.',
        operationId: 'getAttendanceReport',
        security: bearer,
        querystring: attendanceReportQuerySchema,
        response: { 200: attendanceReportSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => handlers.attendanceReport.handle({ actor: request.user, ...request.query }),
  );

  app.get(
    '/bookings/:id/checkin-code',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'My booking’s check-in code as text, and when the door opens and closes (its member only)',
        description:
          'The same code GET /bookings/{id}/qr draws: 64 characters, for a hardware scanner or to type in. It is bound ' +
          'to this booking and cannot be made from its id. 404 for anyone but the booking’s member; 409 ' +
          'INVALID_STATE for a cancelled booking or a no-show.',
        operationId: 'getCheckInCode',
        security: bearer,
        params: idParamsSchema,
        response: { 200: checkInCodeSchema, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => handlers.getCheckInCode.handle({ actor: request.user, bookingId: request.params.id }),
  );

  app.get(
    '/bookings/:id/qr',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'My booking’s check-in code as a QR code (its member only)',
        description:
          'An SVG, black on white with a quiet zone, that scales to any size: the code of GET ' +
          '/bookings/{id}/checkin-code (whose `opensAt` says from when the door takes it). 404 for anyone but the ' +
          'booking’s member; 409 INVALID_STATE for a cancelled booking or a no-show.',
        operationId: 'getCheckInQr',
        security: bearer,
        params: idParamsSchema,
        response: {
          200: { description: 'The QR code', content: { 'image/svg+xml': { schema: z.string() } } },
          ...problemResponses(400, 401, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { code } = await handlers.getCheckInCode.handle({ actor: request.user, bookingId: request.params.id });
      const svg = await QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000ff', light: '#ffffffff' } });
      return reply.type('image/svg+xml; charset=utf-8').send(svg);
    },
  );
};
