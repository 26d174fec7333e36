import type { FastifyPluginAsync } from 'fastify';
import type { JobDefinition, Subscriber } from '@fitflow/application-shared';

/**
 * What one bounded context contributes to the processes: the use cases the HTTP layer (and tests) call, its routes
 * (mounted under `/api/v1`), the events it reacts to and the jobs it runs. A new capability is a module of its own
 * plus one line in `composition.ts`.
 */
export interface AppModule<THandlers extends object = object> {
  readonly handlers: THandlers;
  readonly routes?: FastifyPluginAsync;
  readonly subscribers?: readonly Subscriber[];
  readonly jobs?: readonly JobDefinition[];
}
