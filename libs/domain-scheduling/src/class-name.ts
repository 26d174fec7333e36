import { InvalidValueError, ValueObject } from '@fitflow/domain-shared';

export const CLASS_NAME_MAX_LENGTH = 100;
export const CLASS_DESCRIPTION_MAX_LENGTH = 2000;

/** The name of a class template or session as members see it ("Morning Yoga"): trimmed, 1..100 characters. */
export class ClassName extends ValueObject<{ value: string }> {
  static create(raw: string): ClassName {
    const value = (raw ?? '').trim();
    if (value.length === 0) throw new InvalidValueError('name', 'Enter a name for the class');
    if (Array.from(value).length > CLASS_NAME_MAX_LENGTH) {
      throw new InvalidValueError('name', `Use at most ${CLASS_NAME_MAX_LENGTH} characters for the name`);
    }
    return new ClassName({ value });
  }

  get value(): string {
    return this.props.value;
  }
}

/** What a class is about: trimmed, empty allowed, at most 2000 characters. */
export class ClassDescription extends ValueObject<{ value: string }> {
  static create(raw: string | null | undefined = ''): ClassDescription {
    const value = (raw ?? '').trim();
    if (Array.from(value).length > CLASS_DESCRIPTION_MAX_LENGTH) {
      throw new InvalidValueError('description', `Use at most ${CLASS_DESCRIPTION_MAX_LENGTH} characters for the description`);
    }
    return new ClassDescription({ value });
  }

  get value(): string {
    return this.props.value;
  }
}
