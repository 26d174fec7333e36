import { DomainError, InvalidValueError } from '@fitflow/domain-shared';

// These extend DomainError so the HTTP layer maps them by `code` in its one place, like the domain's own.

/** The same answer for an unknown email and a wrong password, so sign-in does not reveal who has an account. */
export class InvalidCredentialsError extends DomainError {
  readonly code = 'INVALID_CREDENTIALS';

  constructor() {
    super('The email or password is not correct');
  }
}

/** Unknown, expired, revoked or re-used: the holder must sign in again. */
export class InvalidRefreshTokenError extends DomainError {
  readonly code = 'INVALID_REFRESH_TOKEN';

  constructor() {
    super('The refresh token is not valid; sign in again');
  }
}

/**
 * Changing the password needs the current one. A 400 naming the field rather than a 401: the caller is signed in
 * and stays so, and clients take a 401 for an ended session.
 */
export class WrongCurrentPasswordError extends InvalidValueError {
  constructor() {
    super('currentPassword', 'This is not your current password');
  }
}

export class UserNotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(readonly userId: string) {
    super('No such user');
  }
}

export { ForbiddenError } from '@fitflow/application-shared';

/** The payment gateway did not answer: nothing was decided, and a retry with the same Idempotency-Key finishes it. */
export class PaymentUnavailableError extends DomainError {
  readonly code = 'UNAVAILABLE';

  constructor(options?: { cause?: unknown }) {
    super('The payment service did not answer; try again in a moment', options);
  }
}

/**
 * A retry under an Idempotency-Key whose purchase was of another package (the key's first answer was a server
 * failure, so the idempotency layer let another request through): a new purchase needs a new key.
 */
export class PurchaseKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';

  constructor() {
    super('This Idempotency-Key started the purchase of another package. Use a new key for a new purchase.');
  }
}
