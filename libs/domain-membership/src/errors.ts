import { DomainError } from '@fitflow/domain-shared';

/**
 * One account per email. The registration handler checks first; the database's unique index on the normalised
 * email is the final guard, and the repository adapter translates its violation into this error.
 */
export class EmailTakenError extends DomainError {
  readonly code = 'EMAIL_TAKEN';

  constructor(options?: { cause?: unknown }) {
    super('An account with this email already exists', options);
  }
}
