import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { API_BASE_PATH, type Studio } from '@fitflow/api-contract';
import type { AppConfig } from './config';
import type { BookingHandlers, MembershipHandlers, SchedulingHandlers } from './composition-types';
import { authenticationPlugin } from './http/plugins/authentication';
import { rateLimitingPlugin } from './http/plugins/rate-limiting';
import { securityHeadersPlugin } from './http/plugins/security-headers';
import { sendNotFound, sendProblem } from './http/problem';
import { authRoutes } from './http/routes/auth';
import { bookingRoutes } from './http/routes/bookings';
import { healthRoutes } from './http/routes/health';
import { sessionRoutes } from './http/routes/sessions';
import { studioRoutes } from './http/routes/studio';
import { templateRoutes } from './http/routes/templates';
import { userRoutes } from './http/routes/users';

export interface AppDependencies {
  config: AppConfig;
  membership: MembershipHandlers;
  scheduling: SchedulingHandlers;
  bookings: BookingHandlers;
  readinessChecks: Record<string, () => Promise<unknown>>;
  redis?: Redis;
  /** The process's pino logger; without it, Fastify logs at `config.logLevel` (tests pass `logger: false`). */
  loggerInstance?: FastifyBaseLogger;
  logger?: boolean;
}

const BODY_LIMIT_BYTES = 64 * 1024;

export function studioView(config: AppConfig): Studio {
  return {
    ...config.studio,
    holdMinutes: config.holdDurationMs / 60_000,
    waitlistHoldMinutes: config.waitlistHoldDurationMs / 60_000,
    checkInGraceMinutes: config.checkInGraceMs / 60_000,
    cancellationPolicy: config.cancellationPolicy,
  };
}

/** Builds the HTTP application from its dependencies; `main.ts` listens, tests inject. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.loggerInstance ? { loggerInstance: deps.loggerInstance } : { logger: deps.logger ?? { level: deps.config.logLevel } }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.trustProxy,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => void reply.header('x-request-id', request.id));

  await registerExternalPlugins(app, deps.config);
  await app.register(authenticationPlugin, { secret: deps.config.jwtSecret });
  await app.register(rateLimitingPlugin, { limits: deps.config.rateLimits, ...(deps.redis ? { redis: deps.redis } : {}) });

  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
  await app.register(healthRoutes, { readinessChecks: deps.readinessChecks });
  await app.register(
    async (api) => {
      await api.register(studioRoutes, { studio: studioView(deps.config) });
      await api.register(authRoutes, { handlers: deps.membership });
      await api.register(userRoutes, { handlers: deps.membership });
      await api.register(templateRoutes, { handlers: deps.scheduling });
      await api.register(sessionRoutes, { handlers: deps.scheduling });
      await api.register(bookingRoutes, { handlers: deps.bookings, studio: deps.config.studio });
    },
    { prefix: API_BASE_PATH },
  );
  await registerSpaOrNotFound(app, deps.config.webRoot);
  return app;
}

async function registerExternalPlugins(app: FastifyInstance, config: AppConfig): Promise<void> {
  await app.register(securityHeadersPlugin, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Angular Material and the SPA's critical CSS set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.production,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'FitFlow API', version: '1.0.0', description: 'Class booking for fitness studios.' },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
}

/** With a built SPA: serve it, with `index.html` for client-side routes. API paths always answer problems. */
async function registerSpaOrNotFound(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const root = webRoot ? resolve(webRoot) : undefined;
  if (!root || !existsSync(resolve(root, 'index.html'))) {
    app.setNotFoundHandler((request, reply) => sendNotFound(request, reply));
    return;
  }
  await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'], maxAge: '1h' });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const isApi = path.startsWith('/api/') || path === '/api' || path.startsWith('/docs');
    if (isApi || request.method !== 'GET' || /\.\w+$/.test(path)) return sendNotFound(request, reply);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
