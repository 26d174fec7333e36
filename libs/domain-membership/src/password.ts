import { InvalidValueError } from '@fitflow/domain-shared';

export const PASSWORD_MIN_LENGTH = 10;
/** Bounds the work of hashing an attacker-chosen input; the HTTP contract has the same limit. */
export const PASSWORD_MAX_LENGTH = 200;

/** The commonly breached passwords. Entries are lower case; the candidate is given in lower case. */
export interface CommonPasswordList {
  contains(candidate: string): boolean;
}

/** How hard a password is to guess, on zxcvbn's scale. */
export interface PasswordStrength {
  /** 0 (guessed at once) to 4 (very hard to guess). */
  score: number;
  /** Why it is easy to guess, as the end of "Too easy to guess: …" (e.g. "it repeats the same characters"). */
  reason: string | null;
}

/** Estimates how guessable a password is, knowing the words of its owner (their name and e-mail). */
export interface PasswordStrengthEstimator {
  estimate(candidate: string, personalWords: readonly string[]): PasswordStrength;
}

/** Who chooses the password: what they told us about themselves must not be what the password is built on. */
export interface PasswordOwner {
  name: string;
  email: string;
}

/** zxcvbn's "safely unguessable": at least 10^10 guesses. */
export const MIN_PASSWORD_STRENGTH = 3;

/** `field` names where the password was typed: `password` at registration, `newPassword` when changing it. */
export class WeakPasswordError extends InvalidValueError {
  constructor(message: string, field = 'password') {
    super(field, message);
  }
}

/** A plain password that meets the policy: it is hashed at once and never stored or logged. */
export class Password {
  readonly #value: string;

  private constructor(value: string) {
    this.#value = value;
  }

  /**
   * A password anyone may set: long enough, not too long, not in the breached list. A person choosing their own
   * also gives `chosenBy`: then it must not contain their name or e-mail, and must be hard to guess.
   */
  static create(
    raw: string,
    commonPasswords: CommonPasswordList,
    chosenBy?: { owner: PasswordOwner; estimator: PasswordStrengthEstimator },
  ): Password {
    // Code points, not UTF-16 units: an emoji is one character to the person typing it.
    const length = Array.from(raw).length;
    if (length < PASSWORD_MIN_LENGTH) throw new WeakPasswordError(`Use at least ${PASSWORD_MIN_LENGTH} characters`);
    if (length > PASSWORD_MAX_LENGTH) throw new WeakPasswordError(`Use at most ${PASSWORD_MAX_LENGTH} characters`);
    if (commonPasswords.contains(raw.toLowerCase())) {
      throw new WeakPasswordError('This password is too common; choose another');
    }
    if (chosenBy) refuseGuessable(raw, chosenBy.owner, chosenBy.estimator);
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

/** Lower case, letters and digits only, accents dropped, so "Zoë-Lee" is found in "ZOELEE2026!". */
function folded(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Personal words shorter than this are too likely to turn up by chance ("al" in "metallic"). */
const MIN_PERSONAL_WORD_LENGTH = 3;

function refuseGuessable(raw: string, owner: PasswordOwner, estimator: PasswordStrengthEstimator): void {
  const password = folded(raw);
  const name = folded(owner.name);
  const mailbox = folded(owner.email.split('@')[0] ?? '');
  if (name.length >= MIN_PERSONAL_WORD_LENGTH && password.includes(name)) {
    throw new WeakPasswordError('Too easy to guess: it contains your name.');
  }
  if (mailbox.length >= MIN_PERSONAL_WORD_LENGTH && password.includes(mailbox)) {
    throw new WeakPasswordError('Too easy to guess: it contains your e-mail address.');
  }
  const personalWords = [...owner.name.split(/\s+/), owner.email, owner.email.split('@')[0] ?? ''].filter(Boolean);
  const { score, reason } = estimator.estimate(raw, personalWords);
  if (score < MIN_PASSWORD_STRENGTH) {
    throw new WeakPasswordError(`Too easy to guess: ${reason ?? 'add a few more unrelated words'}.`);
  }
}
