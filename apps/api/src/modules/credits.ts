import {
  AdjustCreditsHandler,
  CreateCreditPackageHandler,
  ExpireCreditsHandler,
  GetMembershipHandler,
  GetMyMembershipHandler,
  GetPurchaseHandler,
  HandlePaymentEventHandler,
  ListCreditPackagesHandler,
  ListMyCreditTransactionsHandler,
  PurchaseCreditsHandler,
  RetireCreditPackageHandler,
  UpdateCreditPackageHandler,
  type CreditRepositories,
} from '@fitflow/application-membership';
import type { Core } from '../core';
import { creditRoutes } from '../http/routes/credits';
import { webhookRoutes } from '../http/routes/webhooks';
import type { RepositoryFactory } from '../infrastructure/database/kysely-unit-of-work';
import { createPayments } from '../infrastructure/payments/payments';
import { KyselyCreditPackageRepository } from '../infrastructure/persistence/membership/kysely-credit-package-repository';
import { KyselyCreditsFinder } from '../infrastructure/persistence/membership/kysely-credits-finder';
import { KyselyMembershipRepository } from '../infrastructure/persistence/membership/kysely-membership-repository';
import { KyselyPaymentEventLog } from '../infrastructure/persistence/membership/kysely-payment-event-log';
import { KyselyPurchaseRepository } from '../infrastructure/persistence/membership/kysely-purchase-repository';
import { KyselyUsersFinder } from '../infrastructure/persistence/membership/kysely-users-finder';
import type { AppModule } from './module';

export const CREDIT_EXPIRY_JOB = 'credit-expiry';
/** Members handled in one run of the expiry job; the next run takes the rest. */
const EXPIRY_BATCH = 500;

/** Credits: packages, purchases by card (Stripe or the test-mode gateway), balances, ledgers and their expiry. */
export function creditsModule({ config, clock, ids, unitOfWork, idempotentUnitOfWork, db }: Core) {
  const repositories: RepositoryFactory<CreditRepositories> = (trx, outbox) => ({
    memberships: new KyselyMembershipRepository(trx, outbox),
    packages: new KyselyCreditPackageRepository(trx, outbox),
    purchases: new KyselyPurchaseRepository(trx, outbox),
    paymentEvents: new KyselyPaymentEventLog(trx),
  });
  const uow = unitOfWork(repositories);
  // Routes behind `idempotent: true` commit their change with the answer to the request's key.
  const idempotent = idempotentUnitOfWork(repositories);
  const finder = new KyselyCreditsFinder(db);
  const payments = createPayments(config);
  const handlePaymentEvent = new HandlePaymentEventHandler(uow, clock);
  const expireCredits = new ExpireCreditsHandler(uow, clock);

  const handlers = {
    listPackages: new ListCreditPackagesHandler(finder),
    createPackage: new CreateCreditPackageHandler(uow, ids, clock),
    updatePackage: new UpdateCreditPackageHandler(uow, clock),
    retirePackage: new RetireCreditPackageHandler(uow, clock),
    purchase: new PurchaseCreditsHandler(uow, idempotent, payments.gateway, ids, clock),
    getPurchase: new GetPurchaseHandler(finder),
    handlePaymentEvent,
    getMyMembership: new GetMyMembershipHandler(finder, clock),
    getMembership: new GetMembershipHandler(finder, new KyselyUsersFinder(db), clock),
    listMyTransactions: new ListMyCreditTransactionsHandler(finder),
    adjustCredits: new AdjustCreditsHandler(idempotent, clock),
    expireCredits,
  };
  const testMode = payments.testMode;
  const testAuthentication = testMode
    ? async (purchaseId: string, paymentIntentId: string, outcome: 'succeed' | 'fail') =>
        void (await handlePaymentEvent.handle({ event: testMode.authenticate(paymentIntentId, outcome, purchaseId) }))
    : null;

  const module = {
    handlers,
    routes: async (api) => {
      await api.register(creditRoutes, { handlers, testAuthentication });
      await api.register(webhookRoutes, { verify: (body, signature) => payments.webhooks.verify(body, signature), handlePaymentEvent });
    },
    // The rule itself never spends an expired balance: the job only writes it off and tells the member beforehand.
    jobs: [{ name: CREDIT_EXPIRY_JOB, everyMs: config.creditExpiryIntervalMs, run: async () => void (await expireCredits.handle({ limit: EXPIRY_BATCH })) }],
  } satisfies AppModule;
  /** The members' balances, for the booking context's decisions on the schedule. */
  return { ...module, balances: finder, payments: { mode: payments.mode, publishableKey: payments.publishableKey } };
}

export type CreditsHandlers = ReturnType<typeof creditsModule>['handlers'];
