import { ValueObject } from '@fitflow/domain-shared';
import { requireIntegerBetween } from './bounded-integer';

export const MAX_CREDIT_COST = 100;
export const DEFAULT_CREDIT_COST = 1;

/** What one booking of a class costs in credits: 0 (free) to 100, 1 unless said otherwise. */
export class CreditCost extends ValueObject<{ value: number }> {
  static create(value: number = DEFAULT_CREDIT_COST): CreditCost {
    return new CreditCost({ value: requireIntegerBetween(value, 0, MAX_CREDIT_COST, 'creditCost', 'The credit cost') });
  }

  get value(): number {
    return this.props.value;
  }
}
