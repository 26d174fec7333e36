import type { IdGenerator } from '@fitflow/application-shared';

/** UUID-shaped ids counting up from 1. */
export class SequentialIds implements IdGenerator {
  #last = 0;

  constructor(private readonly prefix = 'bbbbbbbb-0000-4000-8000-') {}

  next(): string {
    this.#last += 1;
    return `${this.prefix}${String(this.#last).padStart(12, '0')}`;
  }
}
