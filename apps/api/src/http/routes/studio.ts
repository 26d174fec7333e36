import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { studioSchema, type Studio } from '@fitflow/api-contract';

export const studioRoutes: FastifyPluginAsyncZod<{ studio: Studio }> = async (app, { studio }) => {
  app.get(
    '/studio',
    { schema: { tags: ['studio'], summary: "The studio's name, time zone and policies", response: { 200: studioSchema } } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=60').send(studio),
  );
};
