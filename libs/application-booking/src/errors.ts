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
