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

/**
 * One session refused a request about several, and so the whole request: nothing changed. Answers with the
 * refusal's own code (NOT_FOUND, FORBIDDEN, INVALID_STATE); its message names the session first, then says why
 * and what did not happen: "Session <id>: This session is already published. Nothing was published."
 */
export class SessionRefusedError extends DomainError {
  readonly code: string;

  constructor(
    readonly sessionId: string,
    refusal: DomainError,
    /** What did not happen, e.g. "Nothing was published". */
    outcome: string,
  ) {
    super(`Session ${sessionId}: ${refusal.message.replace(/\.?$/, '.')} ${outcome}.`, { cause: refusal });
    this.code = refusal.code;
  }
}
