import { InvalidValueError } from '@fitflow/domain-shared';

/** An ISO-8601 instant from a command, or VALIDATION_FAILED naming the field. */
export function parseInstant(raw: string, field: string): Date {
  const instant = typeof raw === 'string' && raw.trim() !== '' ? new Date(raw) : new Date(Number.NaN);
  if (Number.isNaN(instant.getTime())) throw new InvalidValueError(field, 'Enter a valid date and time');
  return instant;
}
