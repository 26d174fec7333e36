import type { IdGenerator } from '../ports';

/** UUID-shaped ids counting up from 1, so they pass the contract's uuid checks and read in order. */
export class SequentialIds implements IdGenerator {
  #last = 0;

  constructor(private readonly prefix = '00000000-0000-4000-8000-') {}

  next(): string {
    this.#last += 1;
    return `${this.prefix}${String(this.#last).padStart(12, '0')}`;
  }
}
