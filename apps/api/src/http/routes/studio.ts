import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { studioSchema, type Studio } from '@fitflow/api-contract';
import { problemResponses } from '../openapi';

export const studioRoutes: FastifyPluginAsyncZod<{ studio: Studio }> = async (app, { studio }) => {
  app.get(
    '/studio',
    {
      schema: {
        tags: ['studio'],
        summary: "The studio's name, time zone and policies",
        operationId: 'getStudio',
        security: [],
        response: { 200: studioSchema, ...problemResponses(400) },
      },
    },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=60').send(studio),
  );
};
