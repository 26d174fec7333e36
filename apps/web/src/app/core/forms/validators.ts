import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** Refuses a text of only spaces, as the server does (it trims). */
export function notBlank(control: AbstractControl<string | null>): ValidationErrors | null {
  const value = control.value ?? '';
  return value.length > 0 && value.trim().length === 0 ? { required: true } : null;
}

/** A whole number (an empty field is `required`'s business). */
export function wholeNumber(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  return value === null || Number.isInteger(value) ? null : { wholeNumber: true };
}

/** A whole number from `min` to `max`; `range` names both ends, so one message says what is allowed. */
export function intRange(min: number, max: number): ValidatorFn {
  return (control: AbstractControl<number | null>) => {
    const value = control.value;
    if (value === null || typeof value !== 'number' || Number.isNaN(value)) return null;
    return value < min || value > max ? { range: { min, max } } : null;
  };
}
