import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cancelSessionRequestSchema,
  createSessionsRequestSchema,
  createdSessionsSchema,
  idParamsSchema,
  listSessionsQuerySchema,
  publishSessionsRequestSchema,
  publishedSessionsSchema,
  sessionPageSchema,
  sessionSchema,
  updateSessionRequestSchema,
} from '@fitflow/api-contract';
import type { SessionView } from '@fitflow/application-scheduling';
import type { Actor } from '@fitflow/application-shared';
import type { SessionOutlooks } from '../../modules/booking';
import type { SchedulingHandlers } from '../../modules/scheduling';
import { bearer, optionalBearer, problemResponses } from '../openapi';
import { compiledSerializerCompiler } from '../plugins/compiled-serializer';

const tags = ['sessions'];

export interface SessionRoutesOptions {
  handlers: SchedulingHandlers;
  /** What a caller can do with each session now (book, hold) and what a cancel would refund: the booking context's. */
  outlooks: SessionOutlooks;
}

/**
 * Class sessions: anyone reads the schedule (drafts only for their trainer and admins); trainers and admins
 * write, a trainer only their own sessions (403), members get 403 and anonymous callers 401.
 */
export const sessionRoutes: FastifyPluginAsyncZod<SessionRoutesOptions> = async (app, { handlers, outlooks }) => {
  // The booking context's decisions join the schedule's view here, where the two contexts meet.
  const present = async (view: SessionView, viewer: Actor | null) => ({ ...view, ...(await outlooks.forViewer(viewer))(view) });
  const trainersAndAdmins = app.requireRole('trainer', 'admin');

  app.post(
    '/sessions',
    {
      onRequest: trainersAndAdmins,
      schema: {
        tags,
        summary: 'Schedule a draft session, or a weekly series of drafts',
        description:
          'With a `templateId`, `name`, `capacity` and `creditCost` default to the template’s and `endsAt` to ' +
          '`startsAt` + its duration. `repeat` schedules every chosen weekday until `until` (inclusive, at most 100 ' +
          'sessions) at the first start’s wall-clock time in the studio’s time zone; the first start is one of them ' +
          'only when its weekday is chosen. A start in the past is 400; an unknown template or trainer 404.',
        operationId: 'scheduleSessions',
        security: bearer,
        body: createSessionsRequestSchema,
        response: { 201: createdSessionsSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await handlers.scheduleSessions.handle({ actor: request.user, ...request.body })),
  );

  app.patch(
    '/sessions/:id',
    {
      onRequest: trainersAndAdmins,
      schema: {
        tags,
        summary: 'Move, resize or hand over a session (its trainer or an admin)',
        description:
          'Only the fields present change; `startsAt` alone keeps the length. 409 CAPACITY_BELOW_BOOKED below the ' +
          'spots taken; 409 INVALID_STATE once started, over or cancelled. Only an admin may change `trainerId`.',
        operationId: 'updateSession',
        security: bearer,
        params: idParamsSchema,
        body: updateSessionRequestSchema,
        response: { 200: sessionSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => present(await handlers.updateSession.handle({ actor: request.user, id: request.params.id, ...request.body }), request.user),
  );

  app.post(
    '/sessions/:id/publish',
    {
      onRequest: trainersAndAdmins,
      schema: {
        tags,
        summary: 'Open a draft for booking (its trainer or an admin)',
        description: '409 INVALID_STATE unless it is a draft that has not started.',
        operationId: 'publishSession',
        security: bearer,
        params: idParamsSchema,
        response: { 200: sessionSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => present(await handlers.publishSession.handle({ actor: request.user, id: request.params.id }), request.user),
  );

  app.post(
    '/sessions/publish',
    {
      onRequest: trainersAndAdmins,
      schema: {
        tags,
        summary: 'Open several drafts for booking at once, all or none (their trainer or an admin)',
        description:
          'Publishes every listed draft in one transaction (1 to 100 ids, each once), or none: the first listed ' +
          'session that may not be published answers for the whole request with the problem publishing it alone ' +
          'would answer, and its `detail` names that session: 404 NOT_FOUND (unknown, or another trainer’s draft), ' +
          '403 FORBIDDEN (another trainer’s published session), 409 INVALID_STATE (not a draft, or its start has ' +
          'passed). Answers the published sessions by `startsAt`.',
        operationId: 'publishSessions',
        security: bearer,
        body: publishSessionsRequestSchema,
        response: { 200: publishedSessionsSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const published = await handlers.publishSessions.handle({ actor: request.user, ids: request.body.ids });
      const outlook = await outlooks.forViewer(request.user);
      return { items: published.map((view) => ({ ...view, ...outlook(view) })) };
    },
  );

  app.post(
    '/sessions/:id/cancel',
    {
      onRequest: trainersAndAdmins,
      schema: {
        tags,
        summary: 'Cancel a session with a reason (its trainer or an admin)',
        description: '409 INVALID_STATE once it is cancelled, has started or is over.',
        operationId: 'cancelSession',
        security: bearer,
        params: idParamsSchema,
        body: cancelSessionRequestSchema,
        response: { 200: sessionSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      present(await handlers.cancelSession.handle({ actor: request.user, id: request.params.id, reason: request.body.reason }), request.user),
  );

  app.delete(
    '/sessions/:id',
    {
      onRequest: trainersAndAdmins,
      schema: {
        tags,
        summary: 'Delete a draft (its trainer or an admin)',
        description:
          'A draft nobody has seen is deleted: it is gone from every list. 409 INVALID_STATE for a session once ' +
          'published (cancel it instead, with a reason its members are told); 404 for a draft the caller may not see.',
        operationId: 'deleteSession',
        security: bearer,
        params: idParamsSchema,
        response: { 204: z.undefined(), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await handlers.deleteSession.handle({ actor: request.user, id: request.params.id });
      return reply.status(204).send();
    },
  );

  app.get(
    '/sessions',
    {
      onRequest: app.identifyIfPresent,
      schema: {
        tags,
        summary: 'The schedule: sessions starting in [from, to), by start time',
        description:
          'Anonymous callers and members see every status but drafts; a trainer also their own drafts; an admin all. ' +
          '`available=true` keeps sessions that are published, not started and have a free spot. `q` searches the ' +
          'session’s name and description and the trainer’s name. Signed-in callers get `me` on every session.',
        operationId: 'listSessions',
        security: optionalBearer,
        querystring: listSessionsQuerySchema,
        response: { 200: sessionPageSchema, ...problemResponses(400, 401) },
      },
      // The busiest read of the API: its answer comes from a typed finder, so it is serialised by a compiled
      // serializer rather than by running zod over every session (see compiled-serializer.ts).
      serializerCompiler: compiledSerializerCompiler,
    },
    async (request) => {
      const viewer = request.user ?? null;
      const page = await handlers.listSessions.handle({ viewer, ...request.query });
      const outlook = await outlooks.forViewer(viewer);
      return { ...page, items: page.items.map((view) => ({ ...view, ...outlook(view) })) };
    },
  );

  app.get(
    '/sessions/:id',
    {
      onRequest: app.identifyIfPresent,
      schema: {
        tags,
        summary: 'One session (404 for a draft the caller may not see)',
        operationId: 'getSession',
        security: optionalBearer,
        params: idParamsSchema,
        response: { 200: sessionSchema, ...problemResponses(400, 401, 404) },
      },
      serializerCompiler: compiledSerializerCompiler,
    },
    async (request) => {
      const viewer = request.user ?? null;
      return present(await handlers.getSession.handle({ viewer, id: request.params.id }), viewer);
    },
  );
};
