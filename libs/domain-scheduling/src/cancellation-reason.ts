import { InvalidValueError, ValueObject } from '@fitflow/domain-shared';

export const CANCELLATION_REASON_MAX_LENGTH = 500;

/** Why a session was cancelled, told to every booked member: trimmed, 1..500 characters. */
export class CancellationReason extends ValueObject<{ value: string }> {
  static create(raw: string): CancellationReason {
    const value = (raw ?? '').trim();
    if (value.length === 0) throw new InvalidValueError('reason', 'Tell the members why the session is cancelled');
    if (Array.from(value).length > CANCELLATION_REASON_MAX_LENGTH) {
      throw new InvalidValueError('reason', `Use at most ${CANCELLATION_REASON_MAX_LENGTH} characters for the reason`);
    }
    return new CancellationReason({ value });
  }

  get value(): string {
    return this.props.value;
  }
}
