import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordRequestSchema,
  createdIdSchema,
  loginRequestSchema,
  meSchema,
  refreshRequestSchema,
  registerRequestSchema,
  tokenPairSchema,
  trainerListSchema,
  updateProfileRequestSchema,
} from '@fitflow/api-contract';
import type { MembershipHandlers } from '../../modules/membership';
import { bearer, problemResponses } from '../openapi';

export const authRoutes: FastifyPluginAsyncZod<{ handlers: MembershipHandlers }> = async (app, { handlers }) => {
  app.post(
    '/auth/register',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a member account',
        operationId: 'register',
        security: [],
        body: registerRequestSchema,
        response: { 201: createdIdSchema, ...problemResponses(400, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await handlers.register.handle(request.body)),
  );

  app.post(
    '/auth/login',
    {
      preHandler: [
        app.limitBy('login-address', (request) => request.ip),
        app.limitBy('login', (request) => String((request.body as { email?: unknown })?.email ?? '').trim().toLowerCase()),
      ],
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        description: 'Limited per email and per client address (429 RATE_LIMITED with Retry-After).',
        operationId: 'login',
        security: [],
        body: loginRequestSchema,
        response: { 200: tokenPairSchema, ...problemResponses(400, 401, 429) },
      },
    },
    async (request) => handlers.authenticate.handle(request.body),
  );

  app.post(
    '/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Trade a refresh token for a new token pair (the old refresh token stops working)',
        operationId: 'refreshTokens',
        security: [],
        body: refreshRequestSchema,
        response: { 200: tokenPairSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => handlers.refresh.handle(request.body),
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: "Revoke a refresh token's family",
        operationId: 'logout',
        security: [],
        body: refreshRequestSchema,
        response: { 204: z.undefined(), ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      await handlers.logout.handle(request.body);
      return reply.status(204).send();
    },
  );

  app.get(
    '/me',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['auth'],
        summary: 'The signed-in account',
        operationId: 'getMe',
        security: bearer,
        response: { 200: meSchema, ...problemResponses(401) },
      },
    },
    async (request) => handlers.getMe.handle({ userId: request.user.userId }),
  );

  app.patch(
    '/me',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['auth'],
        summary: 'Change the signed-in account’s name',
        operationId: 'updateMe',
        security: bearer,
        body: updateProfileRequestSchema,
        response: { 200: meSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => handlers.updateProfile.handle({ userId: request.user.userId, name: request.body.name }),
  );

  app.post(
    '/me/password',
    {
      onRequest: app.authenticate,
      // Guessing the current password here costs what guessing it at sign-in does: the sign-in limit, per account.
      preHandler: app.limitBy('login', (request) => `account:${request.user.userId}`),
      schema: {
        tags: ['auth'],
        summary: 'Change the password; every other session is signed out',
        description:
          'Needs the current password: a wrong one is 400 VALIDATION_FAILED with `errors: [{ path: "currentPassword" }]` ' +
          '(not a 401, which clients read as an ended session). The new one follows the rules of registration (400 ' +
          'naming `newPassword`). On success every refresh token of the account is revoked and every access token ' +
          'issued before stops working at once (401 UNAUTHENTICATED); the caller stays signed in with the TokenPair ' +
          'answered, the first of a new refresh-token family. Limited like sign-in, per account (429 RATE_LIMITED ' +
          'with Retry-After).',
        operationId: 'changePassword',
        security: bearer,
        body: changePasswordRequestSchema,
        response: { 200: tokenPairSchema, ...problemResponses(400, 401, 429) },
      },
    },
    async (request) => handlers.changePassword.handle({ userId: request.user.userId, ...request.body }),
  );

  app.get(
    '/trainers',
    {
      schema: {
        tags: ['users'],
        summary: 'Every trainer, by name',
        operationId: 'listTrainers',
        security: [],
        response: { 200: trainerListSchema, ...problemResponses(400) },
      },
    },
    async () => handlers.listTrainers.handle(),
  );
};
