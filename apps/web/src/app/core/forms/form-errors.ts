import type { AbstractControl, FormGroup } from '@angular/forms';
import { type ApiProblem, describeProblem, fieldErrorsOf } from '../api/problem';

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

/**
 * Where the API's VALIDATION_FAILED answer goes in a form: each error whose path names one of the form's fields
 * (directly, or through `aliases` such as `startsAt` → `date`) under that field, the rest in one sentence for the
 * whole form. Any other problem is the whole form's.
 */
export function placeFieldErrors(
  problem: ApiProblem,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): { fieldErrors: Record<string, string>; formError: string | null } {
  if (problem.code !== 'VALIDATION_FAILED') return { fieldErrors: {}, formError: describeProblem(problem) };
  const fieldErrors: Record<string, string> = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(fieldErrorsOf(problem))) {
    const field = aliases[path] ?? path;
    if (fields.includes(field)) fieldErrors[field] ??= message;
    else other.push(message);
  }
  const nothingPlaced = Object.keys(fieldErrors).length === 0;
  return {
    fieldErrors,
    formError: other.length > 0 ? other.join(' ') : nothingPlaced ? problem.detail || describeProblem(problem) : null,
  };
}

/** Before sending: an invalid form shows every field's problem and focuses the first. True when it may be sent. */
export function readyToSend(host: HTMLElement, form: FormGroup): boolean {
  if (form.valid) return true;
  form.markAllAsTouched();
  focusFirstInvalid(host, form);
  return false;
}

/** After the API refused: its messages at their fields, and focus on the first field that is wrong. */
export function showRefusal(host: HTMLElement, form: FormGroup, fieldErrors: Partial<Record<string, string>>): void {
  showServerErrors(form, fieldErrors);
  focusFirstInvalid(host, form);
}
