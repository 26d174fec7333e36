/**
 * The messages of the trainer's date and time pickers, for `errorMessage`. A mistyped value leaves the picker empty,
 * so the parse message goes before "required" (the first that matches is shown).
 */
export function dayPickerErrors(required: string, beforeMin: string): Record<string, string> {
  return { matDatepickerParse: 'Enter a real date as DD/MM/YYYY', required, matDatepickerMin: beforeMin };
}

export function timePickerErrors(required: string): Record<string, string> {
  return { matTimepickerParse: 'Enter a time as HH:MM', required };
}
