import { DomainError, InvalidValueError } from '@fitflow/domain-shared';

/** Lowering a session's capacity below the spots already taken (confirmed bookings plus unexpired holds). */
export class CapacityBelowBookedError extends DomainError {
  readonly code = 'CAPACITY_BELOW_BOOKED';

  constructor(
    readonly capacity: number,
    readonly takenSpots: number,
  ) {
    super(
      `${takenSpots} ${takenSpots === 1 ? 'spot is' : 'spots are'} already booked or held; ` +
        `the capacity cannot go below that (asked for ${capacity})`,
    );
  }
}

/** A session is scheduled (or moved) to last more than a day. */
export class SessionTooLongError extends InvalidValueError {
  constructor(maxHours: number) {
    super('endsAt', `A session lasts at most ${maxHours} hours; end it earlier`);
  }
}

/** A session is scheduled (or moved) further ahead than the studio plans. */
export class StartsTooFarAheadError extends InvalidValueError {
  constructor(field: 'startsAt' | 'repeat.until', horizonYears: number) {
    super(field, `A session can be scheduled at most ${horizonYears} years ahead; choose an earlier date`);
  }
}

/** A session is scheduled (or moved) to a start that has already passed. */
export class StartsInPastError extends InvalidValueError {
  constructor() {
    super('startsAt', 'A session cannot start in the past');
  }
}
