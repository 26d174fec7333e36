import { InvalidValueError, ValueObject } from '@fitflow/domain-shared';
import type { Duration } from './duration';

/** The longest a session may last. */
export const MAX_SESSION_HOURS = 24;
/** How far ahead of now a session may start. */
export const SCHEDULING_HORIZON_YEARS = 2;

/** The latest start a session scheduled (or moved) at `now` may have: the same instant two years on. */
export function schedulingHorizon(now: Date): Date {
  const horizon = new Date(now.getTime());
  horizon.setUTCFullYear(horizon.getUTCFullYear() + SCHEDULING_HORIZON_YEARS);
  return horizon;
}

/** When a session takes place: `[startsAt, endsAt)`, the end strictly after the start. */
export class TimeSlot extends ValueObject<{ startsAtMs: number; endsAtMs: number }> {
  static create(startsAt: Date, endsAt: Date): TimeSlot {
    const startsAtMs = validTime(startsAt, 'startsAt', 'Enter a valid start time');
    const endsAtMs = validTime(endsAt, 'endsAt', 'Enter a valid end time');
    if (endsAtMs <= startsAtMs) throw new InvalidValueError('endsAt', 'The end must be after the start');
    return new TimeSlot({ startsAtMs, endsAtMs });
  }

  static starting(startsAt: Date, duration: Duration): TimeSlot {
    const startsAtMs = validTime(startsAt, 'startsAt', 'Enter a valid start time');
    return TimeSlot.create(startsAt, new Date(startsAtMs + duration.milliseconds));
  }

  get startsAt(): Date {
    return new Date(this.props.startsAtMs);
  }

  get endsAt(): Date {
    return new Date(this.props.endsAtMs);
  }

  get durationMs(): number {
    return this.props.endsAtMs - this.props.startsAtMs;
  }

  /** Whole and fractional minutes between start and end. */
  get durationMinutes(): number {
    return this.durationMs / 60_000;
  }

  /** The same length, starting at another instant. */
  movedTo(startsAt: Date): TimeSlot {
    const startsAtMs = validTime(startsAt, 'startsAt', 'Enter a valid start time');
    return TimeSlot.create(startsAt, new Date(startsAtMs + this.durationMs));
  }

  /** Two slots overlap when they share a moment; back-to-back slots (one ends as the other starts) do not. */
  overlaps(other: TimeSlot): boolean {
    return this.props.startsAtMs < other.props.endsAtMs && other.props.startsAtMs < this.props.endsAtMs;
  }

  /** Started at `startsAt` exactly. */
  hasStarted(now: Date): boolean {
    return now.getTime() >= this.props.startsAtMs;
  }

  /** Ended at `endsAt` exactly. */
  hasEnded(now: Date): boolean {
    return now.getTime() >= this.props.endsAtMs;
  }
}

function validTime(value: Date, field: string, message: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new InvalidValueError(field, message);
  return ms;
}
