import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';

/** One route as the real app registered it: its method, its full path (with prefix) and its schemas. */
export interface RegisteredRoute {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
}

/** `GET /api/v1/sessions/:id`: how the suites name a route. */
export type RouteKey = `${string} ${string}`;

export const routeKey = (route: { method: string; url: string }): RouteKey => `${route.method} ${route.url}`;

/**
 * Builds an app with `build` and returns every route it registered, read from Fastify's `onRoute` hook. Fastify
 * announces each new instance on the `fastify.initialization` diagnostics channel before any plugin or route is
 * added, so the hook sees the whole table exactly as `buildApp` assembles it, with no test seam in the app.
 */
export async function withRouteTable<T>(build: () => Promise<T>): Promise<{ built: T; routes: RegisteredRoute[] }> {
  const routes = new Map<RouteKey, RegisteredRoute>();
  const onInitialization = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (options: RouteOptions) => {
      for (const method of [options.method].flat()) {
        const route = { method, url: options.url, schema: options.schema };
        routes.set(routeKey(route), route);
      }
    });
  };
  subscribe('fastify.initialization', onInitialization);
  try {
    const built = await build();
    return { built, routes: [...routes.values()] };
  } finally {
    unsubscribe('fastify.initialization', onInitialization);
  }
}

/**
 * Fastify answers HEAD on every GET route with the GET's handler and hooks (`exposeHeadRoutes`); such a HEAD is
 * checked through its GET rather than on its own.
 */
export function isHeadOfGet(route: RegisteredRoute, routes: readonly RegisteredRoute[]): boolean {
  return route.method === 'HEAD' && routes.some((other) => other.method === 'GET' && other.url === route.url);
}
