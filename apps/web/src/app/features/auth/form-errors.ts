import type { AbstractControl, FormGroup } from '@angular/forms';

type Messages = Record<string, string | ((error: unknown) => string)>;

/** The message for a control's first error, in the order the messages are listed; the server's word wins. */
export function errorMessage(control: AbstractControl, messages: Messages): string {
  const server: unknown = control.getError('server');
  if (typeof server === 'string') return server;
  for (const [key, message] of Object.entries(messages)) {
    if (control.hasError(key)) return typeof message === 'function' ? message(control.getError(key)) : message;
  }
  return '';
}

/**
 * Shows the server's messages at their fields. A field's server error goes away as soon as the person edits
 * it, because editing runs the validators again.
 */
export function showServerErrors(form: FormGroup, fieldErrors: Partial<Record<string, string>>): void {
  for (const [path, message] of Object.entries(fieldErrors)) {
    const control = form.get(path);
    if (!control || !message) continue;
    control.setErrors({ ...control.errors, server: message });
    control.markAsTouched();
  }
}

/** Moves the focus to the first field that is wrong, so keyboard and screen-reader users land on it. */
export function focusFirstInvalid(host: HTMLElement, form: FormGroup): void {
  const name = Object.keys(form.controls).find((key) => form.controls[key]?.invalid);
  if (name) host.querySelector<HTMLElement>(`[formcontrolname="${name}"]`)?.focus();
}
