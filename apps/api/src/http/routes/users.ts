import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeRoleRequestSchema, idParamsSchema, listUsersQuerySchema, meSchema, userPageSchema } from '@fitflow/api-contract';
import type { MembershipHandlers } from '../../modules/membership';
import { bearer, problemResponses } from '../openapi';

export const userRoutes: FastifyPluginAsyncZod<{ handlers: MembershipHandlers }> = async (app, { handlers }) => {
  app.get(
    '/users',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['users'],
        summary: 'Accounts, newest first, filtered by role and by a text in name or email (admins)',
        operationId: 'listUsers',
        security: bearer,
        querystring: listUsersQuerySchema,
        response: { 200: userPageSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => handlers.listUsers.handle(request.query),
  );

  app.patch(
    '/users/:id/role',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['users'],
        summary: "Change an account's role (admins)",
        operationId: 'changeUserRole',
        security: bearer,
        params: idParamsSchema,
        body: changeRoleRequestSchema,
        response: { 200: meSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      handlers.changeRole.handle({ actor: request.user, userId: request.params.id, role: request.body.role }),
  );
};
