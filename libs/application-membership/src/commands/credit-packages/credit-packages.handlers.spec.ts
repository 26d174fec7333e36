import { describe, expect, it } from 'vitest';
import { CREDIT_PACKAGE_RETIRED, CREDIT_PACKAGE_SAVED, CreditPackageNotFoundError } from '@fitflow/domain-membership';
import { ForbiddenError } from '../../errors';
import { type CreditCastMember, CreditPackageMother, FAKE_NOW, TEN_CLASSES, createCreditFakes, creditActor } from '../../testing';
import { CreateCreditPackageHandler, RetireCreditPackageHandler, UpdateCreditPackageHandler } from './credit-packages.handlers';

const UNKNOWN_PACKAGE = 'dddddddd-0000-4000-8000-999999999999';

function setUp() {
  const fakes = createCreditFakes();
  const onSale = CreditPackageMother.onSale();
  const retired = CreditPackageMother.retired({ name: 'Old pack' });
  fakes.packages.seed(onSale, retired);
  const creating = new CreateCreditPackageHandler(fakes.uow, fakes.ids, fakes.clock);
  const updating = new UpdateCreditPackageHandler(fakes.uow, fakes.clock);
  const retiring = new RetireCreditPackageHandler(fakes.uow, fakes.clock);
  return {
    ...fakes,
    onSale,
    retired,
    create: (terms = TEN_CLASSES, who: CreditCastMember = 'admin') => creating.handle({ actor: creditActor(who), terms }),
    update: (packageId: string, terms = TEN_CLASSES, who: CreditCastMember = 'admin') =>
      updating.handle({ actor: creditActor(who), packageId, terms }),
    retire: (packageId: string, who: CreditCastMember = 'admin') => retiring.handle({ actor: creditActor(who), packageId }),
  };
}

describe('CreateCreditPackageHandler', () => {
  it('puts an admin’s package on sale and answers it', async () => {
    const { create, packages, finder } = setUp();
    const view = await create({ ...TEN_CLASSES, name: 'Trial', credits: 2, priceCents: 1_500, currency: 'eur' });
    expect(view).toEqual({ id: expect.any(String), name: 'Trial', credits: 2, priceCents: 1_500, currency: 'EUR', validityDays: 90 });
    expect(packages.row(view.id)).toMatchObject({ active: true, createdAt: new Date(FAKE_NOW) });
    expect(packages.outbox).toMatchObject([{ type: CREDIT_PACKAGE_SAVED, aggregateId: view.id }]);
    expect((await finder.packagesForSale()).map((sold) => sold.name)).toEqual(['Trial', '10 classes']);
  });

  it('refuses terms that break a rule with VALIDATION_FAILED, storing nothing', async () => {
    const { create, packages } = setUp();
    await expect(create({ ...TEN_CLASSES, priceCents: 10 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'priceCents' });
    expect(packages.rows()).toHaveLength(2);
  });

  it.each(['member', 'trainer'] as const)('refuses a %s with FORBIDDEN', async (who) => {
    const { create, packages } = setUp();
    await expect(create(TEN_CLASSES, who)).rejects.toBeInstanceOf(ForbiddenError);
    expect(packages.rows()).toHaveLength(2);
  });
});

describe('UpdateCreditPackageHandler', () => {
  it('changes a package on sale and answers it', async () => {
    const { update, onSale, packages } = setUp();
    await expect(update(onSale.id, { ...TEN_CLASSES, credits: 12 })).resolves.toMatchObject({ id: onSale.id, credits: 12 });
    expect(packages.row(onSale.id)).toMatchObject({ credits: 12, updatedAt: new Date(FAKE_NOW) });
  });

  it('answers NOT_FOUND for a retired or unknown package', async () => {
    const { update, retired, packages } = setUp();
    await expect(update(retired.id)).rejects.toBeInstanceOf(CreditPackageNotFoundError);
    await expect(update(UNKNOWN_PACKAGE)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(packages.row(retired.id)).toMatchObject({ name: 'Old pack' });
  });

  it('refuses a member with FORBIDDEN', async () => {
    const { update, onSale } = setUp();
    await expect(update(onSale.id, { ...TEN_CLASSES, priceCents: 50 }, 'member')).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('RetireCreditPackageHandler', () => {
  it('stops the sale of a package', async () => {
    const { retire, onSale, packages, finder } = setUp();
    await retire(onSale.id);
    expect(packages.row(onSale.id)?.active).toBe(false);
    expect(packages.outbox).toMatchObject([{ type: CREDIT_PACKAGE_RETIRED, aggregateId: onSale.id }]);
    expect(await finder.packagesForSale()).toEqual([]);
  });

  it('answers NOT_FOUND for a package already retired, or unknown', async () => {
    const { retire, retired } = setUp();
    await expect(retire(retired.id)).rejects.toBeInstanceOf(CreditPackageNotFoundError);
    await expect(retire(UNKNOWN_PACKAGE)).rejects.toBeInstanceOf(CreditPackageNotFoundError);
  });

  it('refuses a trainer with FORBIDDEN', async () => {
    const { retire, onSale, packages } = setUp();
    await expect(retire(onSale.id, 'trainer')).rejects.toBeInstanceOf(ForbiddenError);
    expect(packages.row(onSale.id)?.active).toBe(true);
  });
});
