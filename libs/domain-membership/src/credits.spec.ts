import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '@fitflow/domain-shared';
import { Credits, MAX_CREDITS } from './credits';

describe('Credits', () => {
  it.each([0, 1, MAX_CREDITS])('holds %i credits', (value) => {
    expect(Credits.of(value).value).toBe(value);
  });

  it.each([-1, MAX_CREDITS + 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3' as unknown as number])(
    'refuses %s with VALIDATION_FAILED: credits are whole, non-negative and bounded',
    (value) => {
      expect(() => Credits.of(value)).toThrow(InvalidValueError);
      expect(() => Credits.of(value)).toThrow(`Credits must be a whole number from 0 to ${MAX_CREDITS}`);
    },
  );

  it('names the field it was given', () => {
    expect(() => Credits.of(-1, 'amount')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'amount' }));
  });

  it('adds and takes away, and never goes below zero or past the bound', () => {
    expect(Credits.of(3).plus(2).value).toBe(5);
    expect(Credits.of(3).plus(-3).value).toBe(0);
    expect(() => Credits.of(3).plus(-4)).toThrow(InvalidValueError);
    expect(() => Credits.of(MAX_CREDITS).plus(1)).toThrow(InvalidValueError);
  });

  it('compares by value', () => {
    expect(Credits.of(0).equals(Credits.ZERO)).toBe(true);
    expect(Credits.of(3).equals(Credits.of(3))).toBe(true);
    expect(Credits.of(3).equals(Credits.of(4))).toBe(false);
  });
});
