import { ValueObject } from '@fitflow/domain-shared';
import { requireIntegerBetween } from './bounded-integer';

export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 480;

/** How long a class lasts: whole minutes, from 5 minutes to 8 hours. */
export class Duration extends ValueObject<{ minutes: number }> {
  static ofMinutes(minutes: number): Duration {
    return new Duration({
      minutes: requireIntegerBetween(minutes, MIN_DURATION_MINUTES, MAX_DURATION_MINUTES, 'durationMinutes', 'The duration in minutes'),
    });
  }

  get minutes(): number {
    return this.props.minutes;
  }

  get milliseconds(): number {
    return this.props.minutes * 60_000;
  }
}
