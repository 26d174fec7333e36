import { InMemoryUnitOfWork as SharedInMemoryUnitOfWork } from '@fitflow/application-shared/testing';
import type { CreditRepositories } from '../credit-ports';
import type { InMemoryCreditPackageRepository } from './in-memory-credit-package-repository';
import type { InMemoryMembershipRepository } from './in-memory-membership-repository';
import type { InMemoryPaymentEventLog } from './in-memory-payment-event-log';
import type { InMemoryPurchaseRepository } from './in-memory-purchase-repository';

export interface InMemoryCreditRepositories extends CreditRepositories {
  memberships: InMemoryMembershipRepository;
  packages: InMemoryCreditPackageRepository;
  purchases: InMemoryPurchaseRepository;
  paymentEvents: InMemoryPaymentEventLog;
}

/** Balances, packages, purchases and handled payment events roll back together. */
export class InMemoryCreditUnitOfWork extends SharedInMemoryUnitOfWork<CreditRepositories> {
  constructor(repos: InMemoryCreditRepositories) {
    super(repos, [repos.memberships, repos.packages, repos.purchases, repos.paymentEvents]);
  }
}
