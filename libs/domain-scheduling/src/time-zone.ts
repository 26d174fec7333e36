import { InvalidValueError } from '@fitflow/domain-shared';

/** A wall-clock reading in some time zone; `month` is 1..12. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws VALIDATION_FAILED (`timeZone`) unless `timeZone` is an IANA name this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** What a clock on the wall in `timeZone` shows at `instant` (milliseconds dropped). */
export function localDateTimeOf(instant: Date, timeZone: string): LocalDateTime {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields['year'] ?? Number.NaN,
    month: fields['month'] ?? Number.NaN,
    day: fields['day'] ?? Number.NaN,
    hour: (fields['hour'] ?? Number.NaN) % 24,
    minute: fields['minute'] ?? Number.NaN,
    second: fields['second'] ?? Number.NaN,
  };
}

/**
 * The instant at which the wall clock in `timeZone` shows `local`. A reading that happens twice (the hour repeated
 * when clocks go back) answers the earlier instant; a reading that never happens (the hour skipped when clocks go
 * forward) is moved forward by the gap, so 02:30 on a night that jumps from 02:00 to 03:00 becomes 03:30. This is
 * Temporal's "compatible" disambiguation.
 */
export function instantAt(local: LocalDateTime, timeZone: string): Date {
  const wall = wallClockMs(local);
  const offsetBefore = offsetMs(wall - DAY_MS, timeZone);
  const offsetAfter = offsetMs(wall + DAY_MS, timeZone);
  const matches = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wall - offset)
    .filter((candidate) => offsetMs(candidate, timeZone) === wall - candidate)
    .sort((a, b) => a - b);
  return new Date(matches[0] ?? wall - offsetBefore);
}

/** The reading as if it were UTC: calendar arithmetic without a zone. */
export function wallClockMs({ year, month, day, hour, minute, second }: LocalDateTime): number {
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** How far the zone's wall clock is ahead of UTC at `epochMs` (Berlin in winter: 3,600,000). */
export function offsetMs(epochMs: number, timeZone: string): number {
  const wholeSeconds = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return wallClockMs(localDateTimeOf(new Date(wholeSeconds), timeZone)) - wholeSeconds;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const known = formatters.get(timeZone);
  if (known) return known;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new InvalidValueError('timeZone', `Unknown time zone "${timeZone}"; use an IANA name such as Europe/Berlin`);
  }
  formatters.set(timeZone, formatter);
  return formatter;
}
