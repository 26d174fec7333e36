import { InvalidValueError, ValueObject } from '@fitflow/domain-shared';

/** More than any studio sells or any member holds: a typo's bound, not a business rule. */
export const MAX_CREDITS = 100_000;

/** A whole, non-negative number of credits: what a member holds, what a package gives, what a class costs. */
export class Credits extends ValueObject<{ value: number }> {
  static readonly ZERO = new Credits({ value: 0 });

  static of(value: number, field = 'credits'): Credits {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_CREDITS) {
      throw new InvalidValueError(field, `Credits must be a whole number from 0 to ${MAX_CREDITS}`);
    }
    return new Credits({ value });
  }

  get value(): number {
    return this.props.value;
  }

  plus(amount: number): Credits {
    return Credits.of(this.value + amount);
  }
}
