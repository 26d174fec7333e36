import type { CommonPasswordList } from '@fitflow/domain-membership';

export const SOME_COMMON_PASSWORDS = ['password123', '1234567890', 'qwertyuiop', 'iloveyou123'];

export class FakeCommonPasswords implements CommonPasswordList {
  readonly #entries: Set<string>;

  constructor(entries: readonly string[] = SOME_COMMON_PASSWORDS) {
    this.#entries = new Set(entries.map((entry) => entry.toLowerCase()));
  }

  contains(candidate: string): boolean {
    return this.#entries.has(candidate);
  }
}
