import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthSchema, readinessSchema } from '@fitflow/api-contract';
import { problemResponses } from '../openapi';

export interface HealthRoutesOptions {
  /** Each named dependency answers, or throws. */
  readinessChecks: Record<string, () => Promise<unknown>>;
}

export const healthRoutes: FastifyPluginAsyncZod<HealthRoutesOptions> = async (app, { readinessChecks }) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'The process runs',
        operationId: 'checkLiveness',
        security: [],
        response: { 200: healthSchema, ...problemResponses(400) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'The database (and Redis, when configured) answer',
        operationId: 'checkReadiness',
        security: [],
        response: { 200: readinessSchema, 503: readinessSchema, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const entries = await Promise.all(
        Object.entries(readinessChecks).map(async ([name, check]) => {
          try {
            await check();
            return [name, 'ok'] as const;
          } catch (error) {
            request.log.warn({ err: error, dependency: name }, 'readiness check failed');
            return [name, 'failed'] as const;
          }
        }),
      );
      const ready = entries.every(([, state]) => state === 'ok');
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', checks: Object.fromEntries(entries) });
    },
  );
};
