import { DomainError } from '@fitflow/domain-shared';

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

export class UserNotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(readonly userId: string) {
    super('No such user');
  }
}

export { ForbiddenError } from '@fitflow/application-shared';
