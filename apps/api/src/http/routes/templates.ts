import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createTemplateRequestSchema,
  createdIdSchema,
  idParamsSchema,
  listTemplatesQuerySchema,
  templatePageSchema,
  templateSchema,
  updateTemplateRequestSchema,
} from '@fitflow/api-contract';
import type { SchedulingHandlers } from '../../composition-types';

const bearer = [{ bearerAuth: [] }];
const tags = ['templates'];

/** Class templates: trainers manage their own, admins all; members get 403, anonymous callers 401. */
export const templateRoutes: FastifyPluginAsyncZod<{ handlers: SchedulingHandlers }> = async (app, { handlers }) => {
  const trainersAndAdmins = app.requireRole('trainer', 'admin');

  app.get(
    '/templates',
    {
      onRequest: trainersAndAdmins,
      schema: {
        tags,
        summary: 'Class templates by name: a trainer sees own ones, an admin all or one trainer’s',
        description: '403 FORBIDDEN for members, and for a trainer naming another trainer.',
        security: bearer,
        querystring: listTemplatesQuerySchema,
        response: { 200: templatePageSchema },
      },
    },
    async (request) => handlers.listTemplates.handle({ actor: request.user, ...request.query }),
  );

  app.post(
    '/templates',
    {
      onRequest: trainersAndAdmins,
      schema: {
        tags,
        summary: 'Create a class template',
        description:
          '`trainerId` defaults to the caller; only an admin may name another trainer (403 otherwise), who must be a ' +
          'trainer or an admin (400) and exist (404). `creditCost` defaults to 1.',
        security: bearer,
        body: createTemplateRequestSchema,
        response: { 201: createdIdSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await handlers.createTemplate.handle({ actor: request.user, ...request.body })),
  );

  app.get(
    '/templates/:id',
    {
      onRequest: trainersAndAdmins,
      schema: {
        tags,
        summary: 'One class template (its trainer or an admin)',
        security: bearer,
        params: idParamsSchema,
        response: { 200: templateSchema },
      },
    },
    async (request) => handlers.getTemplate.handle({ actor: request.user, id: request.params.id }),
  );

  app.put(
    '/templates/:id',
    {
      onRequest: trainersAndAdmins,
      schema: {
        tags,
        summary: 'Replace a class template’s details (its trainer or an admin)',
        description: 'Sessions already scheduled from it keep their own name, times, capacity and cost.',
        security: bearer,
        params: idParamsSchema,
        body: updateTemplateRequestSchema,
        response: { 200: templateSchema },
      },
    },
    async (request) => handlers.updateTemplate.handle({ actor: request.user, id: request.params.id, ...request.body }),
  );

  app.delete(
    '/templates/:id',
    {
      onRequest: trainersAndAdmins,
      schema: {
        tags,
        summary: 'Delete a class template (its trainer or an admin)',
        description: 'Sessions scheduled from it stay on the schedule unchanged; their `templateId` becomes null.',
        security: bearer,
        params: idParamsSchema,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await handlers.deleteTemplate.handle({ actor: request.user, id: request.params.id });
      return reply.status(204).send();
    },
  );
};
