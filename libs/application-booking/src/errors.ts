import { DomainError } from '@fitflow/domain-shared';

export { ForbiddenError } from '@fitflow/application-shared';
export {
  AlreadyBookedError,
  AlreadyHoldingError,
  BookingNotFoundError,
  HoldExpiredError,
  HoldNotFoundError,
  SessionFullError,
} from '@fitflow/domain-booking';
export { SessionNotFoundError } from '@fitflow/application-scheduling';

/** The signed-in account is gone from the directory. */
export class MemberNotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(readonly memberId: string) {
    super('No such member');
  }
}

/**
 * A booking or hold decided without the session's lock found its spots changed before it committed (`confirmClaim`):
 * it rolled back, and is decided again under the lock. Never an answer: the retry answers.
 */
export class SpotTakenMeanwhileError extends Error {
  constructor(readonly sessionId: string) {
    super(`The spots a booking of session ${sessionId} was decided on were taken meanwhile`);
  }
}
