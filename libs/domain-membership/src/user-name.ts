import { InvalidValueError, ValueObject } from '@fitflow/domain-shared';

export const USER_NAME_MAX_LENGTH = 100;

/** The name a person goes by, as shown to trainers and on rosters. */
export class UserName extends ValueObject<{ value: string }> {
  static create(raw: string): UserName {
    const value = raw.trim();
    if (value.length === 0) throw new InvalidValueError('name', 'Enter your name');
    if (Array.from(value).length > USER_NAME_MAX_LENGTH) {
      throw new InvalidValueError('name', `Use at most ${USER_NAME_MAX_LENGTH} characters`);
    }
    return new UserName({ value });
  }

  get value(): string {
    return this.props.value;
  }
}
