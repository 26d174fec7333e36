import type { Actor, Handler, IdGenerator, UnitOfWork } from '@fitflow/application-shared';
import { CreditPackage, CreditPackageNotFoundError, type CreditPackageTerms } from '@fitflow/domain-membership';
import type { Clock } from '@fitflow/domain-shared';
import type { CreditPackageView, CreditRepositories } from '../../credit-ports';
import { toCreditPackageView } from '../../credit-views';
import { ForbiddenError } from '../../errors';

function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new ForbiddenError('Only an admin can manage credit packages');
}

export interface CreateCreditPackageCommand {
  actor: Actor;
  terms: CreditPackageTerms;
}

/** An admin puts a package on sale. */
export class CreateCreditPackageHandler implements Handler<CreateCreditPackageCommand, CreditPackageView> {
  constructor(
    private readonly uow: UnitOfWork<CreditRepositories>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, terms }: CreateCreditPackageCommand): Promise<CreditPackageView> {
    requireAdmin(actor);
    const creditPackage = CreditPackage.create(this.ids.next(), terms, this.clock.now());
    await this.uow.transaction(({ packages }) => packages.save(creditPackage));
    return toCreditPackageView(creditPackage);
  }
}

export interface UpdateCreditPackageCommand {
  actor: Actor;
  packageId: string;
  terms: CreditPackageTerms;
}

/** An admin changes a package on sale; purchases already made keep the terms they were bought under. */
export class UpdateCreditPackageHandler implements Handler<UpdateCreditPackageCommand, CreditPackageView> {
  constructor(
    private readonly uow: UnitOfWork<CreditRepositories>,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, packageId, terms }: UpdateCreditPackageCommand): Promise<CreditPackageView> {
    requireAdmin(actor);
    return this.uow.transaction(async ({ packages }) => {
      const creditPackage = await packages.get(packageId);
      if (!creditPackage?.isForSale()) throw new CreditPackageNotFoundError(packageId);
      creditPackage.change(terms, this.clock.now());
      await packages.save(creditPackage);
      return toCreditPackageView(creditPackage);
    });
  }
}

export interface RetireCreditPackageCommand {
  actor: Actor;
  packageId: string;
}

/** An admin stops selling a package; its purchases keep pointing at it. A retired or unknown package is NOT_FOUND. */
export class RetireCreditPackageHandler implements Handler<RetireCreditPackageCommand, void> {
  constructor(
    private readonly uow: UnitOfWork<CreditRepositories>,
    private readonly clock: Clock,
  ) {}

  async handle({ actor, packageId }: RetireCreditPackageCommand): Promise<void> {
    requireAdmin(actor);
    await this.uow.transaction(async ({ packages }) => {
      const creditPackage = await packages.get(packageId);
      if (!creditPackage?.isForSale()) throw new CreditPackageNotFoundError(packageId);
      creditPackage.retire(this.clock.now());
      await packages.save(creditPackage);
    });
  }
}
