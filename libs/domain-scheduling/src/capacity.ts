import { ValueObject } from '@fitflow/domain-shared';
import { requireIntegerBetween } from './bounded-integer';

export const MIN_CAPACITY = 1;
export const MAX_CAPACITY = 500;

/** How many people a class takes: 1 to 500. */
export class Capacity extends ValueObject<{ value: number }> {
  static create(value: number): Capacity {
    return new Capacity({ value: requireIntegerBetween(value, MIN_CAPACITY, MAX_CAPACITY, 'capacity', 'The capacity') });
  }

  get value(): number {
    return this.props.value;
  }
}
