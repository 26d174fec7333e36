import { DomainError } from '@fitflow/domain-shared';

// Authenticated but not allowed (FORBIDDEN): the membership context's error, so the HTTP layer maps one class.
export { ForbiddenError } from '@fitflow/application-membership';

export class TemplateNotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(readonly templateId: string) {
    super('No such class template');
  }
}

export class SessionNotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(readonly sessionId: string) {
    super('No such session');
  }
}

/** A `trainerId` that names no account. */
export class TrainerNotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(readonly trainerId: string) {
    super('No such trainer');
  }
}
