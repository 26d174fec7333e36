import { InvalidValueError } from '@fitflow/domain-shared';

export const PASSWORD_MIN_LENGTH = 10;
/** Bounds the work of hashing an attacker-chosen input; the HTTP contract has the same limit. */
export const PASSWORD_MAX_LENGTH = 200;

/** The commonly breached passwords. Entries are lower case; the candidate is given in lower case. */
export interface CommonPasswordList {
  contains(candidate: string): boolean;
}

export class WeakPasswordError extends InvalidValueError {
  constructor(message: string) {
    super('password', message);
  }
}

/** A plain password that meets the policy: it is hashed at once and never stored or logged. */
export class Password {
  readonly #value: string;

  private constructor(value: string) {
    this.#value = value;
  }

  static create(raw: string, commonPasswords: CommonPasswordList): Password {
    // Code points, not UTF-16 units: an emoji is one character to the person typing it.
    const length = Array.from(raw).length;
    if (length < PASSWORD_MIN_LENGTH) throw new WeakPasswordError(`Use at least ${PASSWORD_MIN_LENGTH} characters`);
    if (length > PASSWORD_MAX_LENGTH) throw new WeakPasswordError(`Use at most ${PASSWORD_MAX_LENGTH} characters`);
    if (commonPasswords.contains(raw.toLowerCase())) {
      throw new WeakPasswordError('This password is too common; choose another');
    }
    return new Password(raw);
  }

  get value(): string {
    return this.#value;
  }

  toString(): string {
    return '[password]';
  }

  toJSON(): string {
    return '[password]';
  }
}
