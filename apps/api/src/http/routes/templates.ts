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
import type { SchedulingHandlers } from '../../modules/scheduling';
import { bearer, problemResponses } from '../openapi';

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
        operationId: 'listTemplates',
        security: bearer,
        querystring: listTemplatesQuerySchema,
        response: { 200: templatePageSchema, ...problemResponses(400, 401, 403) },
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
        operationId: 'createTemplate',
        security: bearer,
        body: createTemplateRequestSchema,
        response: { 201: createdIdSchema, ...problemResponses(400, 401, 403, 404) },
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
        operationId: 'getTemplate',
        security: bearer,
        params: idParamsSchema,
        response: { 200: templateSchema, ...problemResponses(400, 401, 403, 404) },
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
        operationId: 'updateTemplate',
        security: bearer,
        params: idParamsSchema,
        body: updateTemplateRequestSchema,
        response: { 200: templateSchema, ...problemResponses(400, 401, 403, 404) },
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
        operationId: 'deleteTemplate',
        security: bearer,
        params: idParamsSchema,
        response: { 204: z.undefined(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await handlers.deleteTemplate.handle({ actor: request.user, id: request.params.id });
      return reply.status(204).send();
    },
  );
};
