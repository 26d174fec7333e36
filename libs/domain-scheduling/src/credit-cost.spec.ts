import { describe, expect, it } from 'vitest';
import { CreditCost } from './credit-cost';

describe('CreditCost', () => {
  it('costs 1 credit unless told otherwise', () => {
    expect(CreditCost.create().value).toBe(1);
  });

  it('accepts free classes and up to 100 credits', () => {
    expect(CreditCost.create(0).value).toBe(0);
    expect(CreditCost.create(100).value).toBe(100);
  });

  it.each([-1, 101, 1.5])('refuses %s', (value) => {
    expect(() => CreditCost.create(value)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'creditCost' }));
  });
});
