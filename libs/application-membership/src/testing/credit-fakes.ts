import type { Actor } from '@fitflow/application-shared';
import { SequentialIds } from '@fitflow/application-shared/testing';
import { CreditPackage, type CreditPackageSnapshot, type CreditPackageTerms } from '@fitflow/domain-membership';
import { FixedClock } from '@fitflow/domain-shared';
import { InMemoryCreditPackageRepository } from './in-memory-credit-package-repository';
import { InMemoryCreditUnitOfWork } from './in-memory-credit-unit-of-work';
import { InMemoryCreditsFinder } from './in-memory-credits-finder';
import { InMemoryMembershipRepository } from './in-memory-membership-repository';
import { InMemoryPaymentEventLog } from './in-memory-payment-event-log';
import { InMemoryPurchaseRepository } from './in-memory-purchase-repository';
import { InMemoryUserRepository } from './in-memory-user-repository';
import { InMemoryUsersFinder } from './in-memory-users-finder';
import { FAKE_NOW } from './membership-fakes';
import { ScriptedPaymentGateway } from './scripted-payment-gateway';
import { LONG_AGO, UserMother } from './user.mother';

/** The people of every credit handler test: each has an account, so each may hold credits. */
export const CREDIT_CAST = {
  member: { userId: 'cccccccc-0000-4000-8000-000000000001', role: 'member', name: 'Mo Member', email: 'mo@example.com' },
  otherMember: { userId: 'cccccccc-0000-4000-8000-000000000002', role: 'member', name: 'Olu Other', email: 'olu@example.com' },
  trainer: { userId: 'cccccccc-0000-4000-8000-000000000003', role: 'trainer', name: 'Tara Trainer', email: 'tara@example.com' },
  admin: { userId: 'cccccccc-0000-4000-8000-000000000004', role: 'admin', name: 'Ada Admin', email: 'ada@example.com' },
} as const satisfies Record<string, Actor & { name: string; email: string }>;

export type CreditCastMember = keyof typeof CREDIT_CAST;

export function creditActor(who: CreditCastMember): Actor {
  const { userId, role } = CREDIT_CAST[who];
  return { userId, role };
}

export const TEN_CLASSES: CreditPackageTerms = { name: '10 classes', credits: 10, priceCents: 9_000, currency: 'EUR', validityDays: 90 };

const packageIds = new SequentialIds('dddddddd-0000-4000-8000-');

/** Stored packages: on sale with TEN_CLASSES's terms unless told otherwise. */
export const CreditPackageMother = {
  snapshot(overrides: Partial<CreditPackageSnapshot> = {}): CreditPackageSnapshot {
    return { id: overrides.id ?? packageIds.next(), ...TEN_CLASSES, active: true, createdAt: LONG_AGO, updatedAt: LONG_AGO, ...overrides };
  },

  onSale(overrides: Partial<CreditPackageSnapshot> = {}): CreditPackage {
    return CreditPackage.restore(CreditPackageMother.snapshot({ ...overrides, active: true }));
  },

  retired(overrides: Partial<CreditPackageSnapshot> = {}): CreditPackage {
    return CreditPackage.restore(CreditPackageMother.snapshot({ ...overrides, active: false }));
  },
};

/**
 * Every port of the credits, faked and wired to one in-memory store; the CREDIT_CAST have accounts, and the
 * membership repository knows exactly the accounts of the user repository, as the database's foreign key does.
 */
export function createCreditFakes(now: Date | string = FAKE_NOW) {
  const users = new InMemoryUserRepository();
  for (const { userId, role, name, email } of Object.values(CREDIT_CAST)) {
    users.seed(UserMother.withRole(role, { id: userId, name, email }));
  }
  const memberships = new InMemoryMembershipRepository({
    holderOf: (id) => {
      const user = users.row(id);
      return user ? { memberId: user.id, memberEmail: user.email, memberName: user.name } : null;
    },
  });
  const packages = new InMemoryCreditPackageRepository();
  const purchases = new InMemoryPurchaseRepository();
  const paymentEvents = new InMemoryPaymentEventLog();
  return {
    users,
    memberships,
    packages,
    purchases,
    paymentEvents,
    uow: new InMemoryCreditUnitOfWork({ memberships, packages, purchases, paymentEvents }),
    finder: new InMemoryCreditsFinder(memberships, packages, purchases),
    usersFinder: new InMemoryUsersFinder(users),
    gateway: new ScriptedPaymentGateway(),
    ids: new SequentialIds(),
    clock: new FixedClock(now),
  };
}

export type CreditFakes = ReturnType<typeof createCreditFakes>;
