import { DomainError } from '@fitflow/domain-shared';

/** Authenticated but not allowed: every context's use cases refuse with it, the HTTP layer maps its code once. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';

  constructor(message = 'You are not allowed to do this') {
    super(message);
  }
}
