import { InvalidValueError } from '@fitflow/domain-shared';

/** The shared check of the whole-number value objects: an integer within `min..max`, or a named error. */
export function requireIntegerBetween(value: number, min: number, max: number, field: string, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidValueError(field, `${what} must be a whole number from ${min} to ${max}`);
  }
  return value;
}
