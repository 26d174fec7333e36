import type { Provider } from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, type MatFormFieldDefaultOptions } from '@angular/material/form-field';

/** Outlined form fields. Provided by the lazy routes that have forms, to keep form fields out of the initial bundle. */
export function provideFormFieldDefaults(): Provider {
  return { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { appearance: 'outline' } satisfies MatFormFieldDefaultOptions };
}
