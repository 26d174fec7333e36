import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import { basename, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { API_BASE_PATH, type Studio } from '@fitflow/api-contract';
import type { AppConfig } from './config';
import type { CurrentActorHandler } from '@fitflow/application-membership';
import type { KyselyIdempotencyStore } from './infrastructure/idempotency/kysely-idempotency-store';
import { openApiOptions } from './http/openapi';
import { authenticationPlugin } from './http/plugins/authentication';
import { registerCompression } from './http/plugins/compression';
import { idempotencyPlugin } from './http/plugins/idempotency';
import { rateLimitingPlugin } from './http/plugins/rate-limiting';
import { privateAnswersPlugin, securityHeadersPlugin } from './http/plugins/security-headers';
import { rawClientErrorAnswer, sendNotFound, sendProblem } from './http/problem';
import { healthRoutes } from './http/routes/health';
import { studioRoutes } from './http/routes/studio';
import { paymentsSetting } from './infrastructure/payments/payments';
import { JwtAccessTokenVerifier } from './infrastructure/security/tokens';

export interface AppDependencies {
  config: AppConfig;
  /** Who the caller is now: read at every authenticated request. */
  currentActor: CurrentActorHandler;
  /** Every module's routes, mounted under `/api/v1`. */
  routes: readonly FastifyPluginAsync[];
  /** The first answers to `Idempotency-Key`s, for routes with `config: { idempotent: true }`. */
  idempotency: KyselyIdempotencyStore;
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
    payments: paymentsSetting(config),
  };
}

/** A client's `X-Request-Id` when it is short and plain (safe in logs and headers); a new one otherwise. */
export function requestIdOf(given: string | string[] | undefined): string {
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

/** Node refused the request before Fastify saw it (headers too large, not HTTP): a problem document all the same. */
function answerClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const requestId = randomUUID();
  this.log.debug({ err: error, reqId: requestId }, 'client error');
  if (socket.writable) socket.write(rawClientErrorAnswer(error, requestId));
  socket.destroy(error);
}

/** Builds the HTTP application from its dependencies; `main.ts` listens, tests inject. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.loggerInstance ? { loggerInstance: deps.loggerInstance } : { logger: deps.logger ?? { level: deps.config.logLevel } }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.trustProxy,
    genReqId: (request) => requestIdOf(request.headers['x-request-id']),
    // Refused before routing (bad percent-encoding, an over-long parameter): the same problem documents, with the
    // headers the hooks would have set, which do not run here.
    frameworkErrors: (error, request, reply) =>
      sendProblem(error, request, reply.headers({ ...request.server.securityHeaders, 'cache-control': 'no-store' })),
    clientErrorHandler: answerClientError,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body is refused as 415 UNSUPPORTED_MEDIA_TYPE rather than parsed into a string.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (request, reply) => void reply.header('x-request-id', request.id));

  await registerExternalPlugins(app, deps.config);
  const accessTokens = new JwtAccessTokenVerifier(deps.config.jwtSecret);
  await app.register(authenticationPlugin, {
    claimsOf: (token) => accessTokens.claimsOf(token),
    currentActor: (claims) => deps.currentActor.handle(claims),
  });
  await app.register(rateLimitingPlugin, {
    limits: deps.config.rateLimits,
    redisPrefix: deps.config.redisPrefix,
    ...(deps.redis ? { redis: deps.redis } : {}),
  });
  await app.register(idempotencyPlugin, { store: deps.idempotency });

  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
  await app.register(healthRoutes, { readinessChecks: deps.readinessChecks });
  await app.register(
    async (api) => {
      await registerCompression(api);
      await api.register(studioRoutes, { studio: studioView(deps.config) });
      for (const routes of deps.routes) await api.register(routes);
    },
    { prefix: API_BASE_PATH },
  );
  await registerSpaOrNotFound(app, deps.config.webRoot);
  return app;
}

/** Stripe.js and its card fields' frames, allowed only where a publishable key is configured (Stripe's CSP guide). */
function stripeSources(config: AppConfig) {
  const on = Boolean(config.stripe.publishableKey);
  return {
    script: on ? ['https://js.stripe.com'] : [],
    frame: on ? ['https://js.stripe.com', 'https://hooks.stripe.com'] : [],
    connect: on ? ['https://api.stripe.com'] : [],
  };
}

async function registerExternalPlugins(app: FastifyInstance, config: AppConfig): Promise<void> {
  const stripe = stripeSources(config);
  await app.register(securityHeadersPlugin, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // 'wasm-unsafe-eval': the door's QR reader compiles WebAssembly (served by us) where the browser has no BarcodeDetector.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'", ...stripe.script],
        // Angular Material and the SPA's critical CSS set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...stripe.connect],
        ...(stripe.frame.length > 0 ? { frameSrc: stripe.frame } : {}),
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.production,
  });
  await app.register(privateAnswersPlugin, { tokenPaths: `${API_BASE_PATH}/auth/` });
  await app.register(swagger, openApiOptions);
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
}

/** Angular's build names carry an 8-character content hash: `main-2XK7JNSV.js`, `chunk-…`, `media/font-….woff2`. */
const HASHED_ASSET = /-[A-Z0-9]{8}\.[a-z0-9]+$/;
/** The brotli and gzip copies `tools/web/precompress.mjs` writes beside a built file: `main-2XK7JNSV.js.br`. */
const COMPRESSED_COPY = /\.(?:br|gz)$/;

/**
 * `index.html` revalidates on every visit (a deploy shows at once); hashed files never change; the rest briefly.
 * A compressed copy is cached as the file it stands for.
 */
export function spaCacheControl(path: string): string {
  const name = basename(path).replace(COMPRESSED_COPY, '');
  if (name === 'index.html') return 'no-cache';
  return HASHED_ASSET.test(name) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
}

/**
 * With a built SPA: serve it, with `index.html` for client-side routes. API paths always answer problems.
 * `preCompressed`: the build's `.br` or `.gz` copy of a file (`tools/web/precompress.mjs`), whichever the client's
 * Accept-Encoding prefers (brotli first), the file itself when it accepts neither or there is no copy. The copies are
 * not routes of their own.
 */
async function registerSpaOrNotFound(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const root = webRoot ? resolve(webRoot) : undefined;
  if (!root || !existsSync(resolve(root, 'index.html'))) {
    app.setNotFoundHandler((request, reply) => sendNotFound(request, reply));
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    globIgnore: ['**/*.br', '**/*.gz'],
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (response, path) => {
      response.setHeader('cache-control', spaCacheControl(path));
      // The bytes depend on Accept-Encoding: a shared cache must not give a brotli answer to a client without brotli.
      response.setHeader('vary', 'Accept-Encoding');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const isApi = path.startsWith('/api/') || path === '/api' || path.startsWith('/docs');
    if (isApi || request.method !== 'GET' || /\.\w+$/.test(path)) return sendNotFound(request, reply);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
