import { describe, expect, it } from 'vitest';
import { FixedClock, InvalidStateError, InvalidValueError } from '@fitflow/domain-shared';
import { CREDIT_PACKAGE_RETIRED, CREDIT_PACKAGE_SAVED, CreditPackage, type CreditPackageTerms } from './credit-package';

const CREATED_AT = '2026-12-01T07:00:00.000Z';
const CHANGED_AT = '2026-12-05T09:30:00.000Z';

function terms(overrides: Partial<CreditPackageTerms> = {}): CreditPackageTerms {
  return { name: '10 classes', credits: 10, priceCents: 9_000, currency: 'EUR', validityDays: 90, ...overrides };
}

function newPackage(overrides: Partial<CreditPackageTerms> = {}): { creditPackage: CreditPackage; clock: FixedClock } {
  const clock = new FixedClock(CREATED_AT);
  return { creditPackage: CreditPackage.create('package-1', terms(overrides), clock.now()), clock };
}

describe('CreditPackage.create', () => {
  it('puts a package on sale with its terms, and records CreditPackageSaved', () => {
    const { creditPackage } = newPackage();
    expect(creditPackage.snapshot()).toEqual({
      id: 'package-1',
      ...terms(),
      active: true,
      createdAt: new Date(CREATED_AT),
      updatedAt: new Date(CREATED_AT),
    });
    expect(creditPackage.isForSale()).toBe(true);
    expect(creditPackage.pullEvents()).toEqual([
      { type: CREDIT_PACKAGE_SAVED, aggregateId: 'package-1', occurredAt: CREATED_AT, payload: { packageId: 'package-1', ...terms() } },
    ]);
  });

  it('trims the name and upper-cases the currency', () => {
    const { creditPackage } = newPackage({ name: '  Drop-in  ', currency: 'chf' });
    expect(creditPackage.terms).toMatchObject({ name: 'Drop-in', currency: 'CHF' });
  });

  it.each([
    ['name', { name: '' }],
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(81) }],
    ['credits', { credits: 0 }],
    ['credits', { credits: 1_001 }],
    ['credits', { credits: 2.5 }],
    ['priceCents', { priceCents: 49 }],
    ['priceCents', { priceCents: 10_000_001 }],
    ['priceCents', { priceCents: 99.5 }],
    ['validityDays', { validityDays: 0 }],
    ['validityDays', { validityDays: 3_661 }],
    ['validityDays', { validityDays: 30.5 }],
    ['currency', { currency: 'EU' }],
    ['currency', { currency: 'EURO' }],
    ['currency', { currency: 'E1R' }],
    ['currency', { currency: '' }],
  ] as const)('refuses a bad %s (%j) with VALIDATION_FAILED', (field, overrides) => {
    expect(() => newPackage(overrides)).toThrow(InvalidValueError);
    expect(() => newPackage(overrides)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field }));
  });

  it.each([
    { name: 'x' },
    { name: 'x'.repeat(80) },
    { credits: 1 },
    { credits: 1_000 },
    { priceCents: 50 },
    { priceCents: 10_000_000 },
    { validityDays: 1 },
    { validityDays: 3_660 },
  ])('takes the edge %j', (overrides) => {
    expect(newPackage(overrides).creditPackage.terms).toMatchObject(overrides);
  });

  it('hands out copies of its terms', () => {
    const { creditPackage } = newPackage();
    creditPackage.terms.credits = 999;
    expect(creditPackage.terms.credits).toBe(10);
  });
});

describe('CreditPackage.change', () => {
  it('changes the terms of a package on sale, validated, and records CreditPackageSaved', () => {
    const { creditPackage, clock } = newPackage();
    creditPackage.pullEvents();
    clock.set(CHANGED_AT);
    creditPackage.change(terms({ name: ' 20 classes ', credits: 20, priceCents: 16_000, currency: 'usd' }), clock.now());
    expect(creditPackage.snapshot()).toMatchObject({
      name: '20 classes',
      credits: 20,
      priceCents: 16_000,
      currency: 'USD',
      createdAt: new Date(CREATED_AT),
      updatedAt: new Date(CHANGED_AT),
    });
    expect(creditPackage.pullEvents()).toMatchObject([
      { type: CREDIT_PACKAGE_SAVED, occurredAt: CHANGED_AT, payload: { credits: 20, currency: 'USD' } },
    ]);
  });

  it('keeps the old terms when the new ones break a rule', () => {
    const { creditPackage, clock } = newPackage();
    creditPackage.pullEvents();
    expect(() => creditPackage.change(terms({ priceCents: 10 }), clock.now())).toThrow(InvalidValueError);
    expect(creditPackage.terms).toEqual(terms());
    expect(creditPackage.pullEvents()).toEqual([]);
  });
});

describe('CreditPackage.retire', () => {
  it('stops the sale and records CreditPackageRetired once', () => {
    const { creditPackage, clock } = newPackage();
    creditPackage.pullEvents();
    clock.set(CHANGED_AT);
    creditPackage.retire(clock.now());
    creditPackage.retire(clock.now());
    expect(creditPackage.isForSale()).toBe(false);
    expect(creditPackage.snapshot()).toMatchObject({ active: false, updatedAt: new Date(CHANGED_AT) });
    expect(creditPackage.pullEvents()).toEqual([
      {
        type: CREDIT_PACKAGE_RETIRED,
        aggregateId: 'package-1',
        occurredAt: CHANGED_AT,
        payload: { packageId: 'package-1', name: '10 classes' },
      },
    ]);
  });

  it('refuses any change once retired with INVALID_STATE, keeping the terms its purchases name', () => {
    const { creditPackage, clock } = newPackage();
    creditPackage.retire(clock.now());
    creditPackage.pullEvents();
    expect(() => creditPackage.change(terms({ credits: 20 }), clock.now())).toThrow(InvalidStateError);
    expect(creditPackage.terms).toEqual(terms());
    expect(creditPackage.pullEvents()).toEqual([]);
  });

  it('stays retired when restored', () => {
    const { creditPackage, clock } = newPackage();
    creditPackage.retire(clock.now());
    const restored = CreditPackage.restore(creditPackage.snapshot());
    expect(restored.isForSale()).toBe(false);
    expect(restored.pullEvents()).toEqual([]);
  });
});
