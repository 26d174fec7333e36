import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  creditAdjustmentBodySchema,
  creditPackageBodySchema,
  creditPackageSchema,
  creditTransactionSchema,
  idParamsSchema,
  idempotentHeadersSchema,
  membershipSchema,
  pageOf,
  pageQuerySchema,
  purchaseBodySchema,
  requiredIdempotencyHeadersSchema,
  purchaseSchema,
  testAuthenticationBodySchema,
} from '@fitflow/api-contract';
import type { CreditsHandlers } from '../../modules/credits';
import { bearer, problemResponses } from '../openapi';
import { HttpProblem } from '../problem';

const tags = ['credits'];

export interface CreditRoutesOptions {
  handlers: CreditsHandlers;
  /** The embedded default's stand-in for Stripe's 3-D Secure page; null with Stripe. */
  testAuthentication: ((purchaseId: string, paymentIntentId: string, outcome: 'succeed' | 'fail') => Promise<void>) | null;
}

/**
 * Credits: packages for sale (anyone reads, admins manage), buying one by card, the member's balance and ledger,
 * and an admin's corrections. Booking spends credits and cancelling gives them back: see the booking routes.
 */
export const creditRoutes: FastifyPluginAsyncZod<CreditRoutesOptions> = async (app, { handlers, testAuthentication }) => {
  const admins = app.requireRole('admin');

  app.get(
    '/credit-packages',
    {
      schema: {
        tags,
        summary: 'The credit packages on sale, cheapest first',
        operationId: 'listCreditPackages',
        security: [],
        response: { 200: z.array(creditPackageSchema), ...problemResponses(400) },
      },
    },
    async () => handlers.listPackages.handle(),
  );

  app.post(
    '/credit-packages',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Put a credit package on sale (admins)',
        operationId: 'createCreditPackage',
        security: bearer,
        body: creditPackageBodySchema,
        response: { 201: creditPackageSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => reply.status(201).send(await handlers.createPackage.handle({ actor: request.user, terms: request.body })),
  );

  app.put(
    '/credit-packages/:id',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Change a credit package on sale (admins)',
        description: 'Purchases already made keep the terms they were bought under. A retired package is 404.',
        operationId: 'updateCreditPackage',
        security: bearer,
        params: idParamsSchema,
        body: creditPackageBodySchema,
        response: { 200: creditPackageSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => handlers.updatePackage.handle({ actor: request.user, packageId: request.params.id, terms: request.body }),
  );

  app.delete(
    '/credit-packages/:id',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'Retire a credit package (admins): no longer sold, its purchases kept',
        operationId: 'retireCreditPackage',
        security: bearer,
        params: idParamsSchema,
        response: { 204: z.undefined(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await handlers.retirePackage.handle({ actor: request.user, packageId: request.params.id });
      return reply.status(204).send();
    },
  );

  app.post(
    '/memberships/purchase',
    {
      onRequest: app.authenticate,
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Buy a credit package by card',
        description:
          '`paymentMethodId` is a Stripe PaymentMethod (from Stripe Elements), or one of Stripe’s test ids (`pm_card_visa`, ' +
          '`pm_card_chargeDeclined`, `pm_card_threeDSecure2Required`) on the test-mode gateway (GET /studio says which). ' +
          '201 with status `succeeded` (the credits are on the balance), `requires_action` (complete 3-D Secure with ' +
          '`clientSecret`; the webhook finishes the purchase: poll GET /memberships/purchases/{id}) or `pending`. A declined ' +
          'card is 402 PAYMENT_FAILED with the card’s reason and adds nothing; an unknown or retired package 404; the payment ' +
          'service not answering 503 (retry with the same Idempotency-Key: it charges at most once). The ' +
          'Idempotency-Key is required (400 without it): a purchase is charged and credited once whatever is retried.',
        operationId: 'purchaseCredits',
        security: bearer,
        headers: requiredIdempotencyHeadersSchema,
        body: purchaseBodySchema,
        response: { 201: purchaseSchema, ...problemResponses(400, 401, 402, 404, 409, 422, 503) },
      },
    },
    async (request, reply) => {
      const requestKey = request.headers['idempotency-key'];
      const purchase = await handlers.purchase.handle({ actor: request.user, ...request.body, requestKey });
      return reply.status(201).send(purchase);
    },
  );

  app.get(
    '/memberships/purchases/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'One of my purchases (its buyer or an admin)',
        description: 'Poll it after 3-D Secure: the webhook moves it from `requires_action` to `succeeded` or `failed`.',
        operationId: 'getPurchase',
        security: bearer,
        params: idParamsSchema,
        response: { 200: purchaseSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => handlers.getPurchase.handle({ actor: request.user, purchaseId: request.params.id }),
  );

  app.post(
    '/memberships/purchases/:id/test-authentication',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'Test mode only: answer the stand-in 3-D Secure step of a purchase (its buyer)',
        description:
          'Stands in for the bank’s page and the webhook that follows it when no Stripe key is configured: `succeed` adds ' +
          'the credits, `fail` fails the purchase. 404 with Stripe, for someone else’s purchase, or for one that asks ' +
          'for no authentication.',
        operationId: 'answerTestAuthentication',
        security: bearer,
        params: idParamsSchema,
        body: testAuthenticationBodySchema,
        response: { 200: purchaseSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const actor = { ...request.user, role: 'member' as const }; // the buyer only, not an admin
      const purchase = await handlers.getPurchase.handle({ actor, purchaseId: request.params.id });
      const intentId = purchase.clientSecret?.split('_secret_')[0];
      if (!testAuthentication || purchase.status !== 'requires_action' || !intentId) {
        throw new HttpProblem('NOT_FOUND', 'This purchase has no test authentication to answer');
      }
      await testAuthentication(purchase.id, intentId, request.body.outcome);
      return handlers.getPurchase.handle({ actor, purchaseId: purchase.id });
    },
  );

  app.get(
    '/memberships/me',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'My credits: what I can spend now, until when, and whether they expire within 7 days',
        operationId: 'getMyMembership',
        security: bearer,
        response: { 200: membershipSchema, ...problemResponses(401) },
      },
    },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await handlers.getMyMembership.handle({ actor: request.user })),
  );

  app.get(
    '/memberships/me/transactions',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'My credit history, newest first: purchases, bookings, refunds, expiries and adjustments',
        operationId: 'listMyCreditTransactions',
        security: bearer,
        querystring: pageQuerySchema,
        response: { 200: pageOf(creditTransactionSchema), ...problemResponses(400, 401) },
      },
    },
    async (request) => handlers.listMyTransactions.handle({ actor: request.user, ...request.query }),
  );

  app.get(
    '/users/:id/membership',
    {
      onRequest: admins,
      schema: {
        tags,
        summary: 'A member’s credits (admins)',
        operationId: 'getUserMembership',
        security: bearer,
        params: idParamsSchema,
        response: { 200: membershipSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => handlers.getMembership.handle({ actor: request.user, userId: request.params.id }),
  );

  app.post(
    '/users/:id/credits',
    {
      onRequest: admins,
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Add or take credits with a reason (admins)',
        description: 'A signed `amount` (not 0); the balance cannot go below zero (400). Answers the ledger line (`adjustment`).',
        operationId: 'adjustUserCredits',
        security: bearer,
        headers: idempotentHeadersSchema,
        params: idParamsSchema,
        body: creditAdjustmentBodySchema,
        response: { 201: creditTransactionSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await handlers.adjustCredits.handle({ actor: request.user, userId: request.params.id, ...request.body })),
  );
};
