/**
 * An expected rule breach. `code` is stable (UPPER_SNAKE) and is what clients see;
 * the HTTP layer maps codes to statuses in one place.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A value that breaks the rule of its value object (bad email, weak password, ...). */
export class InvalidValueError extends DomainError {
  readonly code = 'VALIDATION_FAILED';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A method called in a state that does not allow it. */
export class InvalidStateError extends DomainError {
  readonly code = 'INVALID_STATE';
}
