import { DomainError } from '@fitflow/domain-shared';

export { ForbiddenError } from '@fitflow/application-shared';

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
