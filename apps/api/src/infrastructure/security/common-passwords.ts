import { dictionary } from '@zxcvbn-ts/language-common';
import type { CommonPasswordList } from '@fitflow/domain-membership';

/** The maintained list of breached passwords that zxcvbn-ts ships (about 49,000), compared in lower case. */
export class BreachedPasswordList implements CommonPasswordList {
  readonly #passwords = new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));

  contains(candidate: string): boolean {
    return this.#passwords.has(candidate.toLowerCase());
  }
}
