import { InMemoryAggregateStore } from '@fitflow/application-shared/testing';
import { CreditPackage, type CreditPackageSnapshot } from '@fitflow/domain-membership';
import type { CreditPackageRepository } from '../credit-ports';

export class InMemoryCreditPackageRepository
  extends InMemoryAggregateStore<CreditPackage, CreditPackageSnapshot>
  implements CreditPackageRepository
{
  constructor() {
    super((snapshot) => CreditPackage.restore(snapshot));
  }
}
