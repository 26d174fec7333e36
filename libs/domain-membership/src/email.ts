import { InvalidValueError, ValueObject } from '@fitflow/domain-shared';

const MAX_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;
/** RFC 5322 dot-atom without quoted strings: what real mailboxes use, and a superset of the contract's zod check. */
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL_DOMAIN = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export class InvalidEmailError extends InvalidValueError {
  constructor(message = 'Enter a valid email address') {
    super('email', message);
  }
}

/** An email address, normalised to lower case so that addresses compare case-insensitively. */
export class Email extends ValueObject<{ value: string }> {
  static create(raw: string): Email {
    const value = raw.trim().toLowerCase();
    if (value.length > MAX_LENGTH) throw new InvalidEmailError(`Use at most ${MAX_LENGTH} characters`);
    if (!isPracticalAddress(value)) throw new InvalidEmailError();
    return new Email({ value });
  }

  get value(): string {
    return this.props.value;
  }
}

function isPracticalAddress(value: string): boolean {
  const at = value.lastIndexOf('@');
  const localPart = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  return (
    at > 0 &&
    localPart.length <= MAX_LOCAL_PART_LENGTH &&
    LOCAL_PART.test(localPart) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL_DOMAIN.test(labels[labels.length - 1] ?? '')
  );
}
