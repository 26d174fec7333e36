import { InvalidValueError } from '@fitflow/domain-shared';
import * as Instant from 'temporal-polyfill/fns/Instant';
import * as PlainDateTime from 'temporal-polyfill/fns/PlainDateTime';
import * as ZonedDateTime from 'temporal-polyfill/fns/ZonedDateTime';

/** A wall-clock reading in some time zone; `month` is 1..12. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** Throws VALIDATION_FAILED (`timeZone`) unless Temporal knows `timeZone`: an IANA name, or a fixed offset (`+01:00`). */
export function assertTimeZone(timeZone: string): void {
  zonedAt(0, timeZone);
}

/** What a clock on the wall in `timeZone` shows at `instant` (milliseconds dropped). */
export function localDateTimeOf(instant: Date, timeZone: string): LocalDateTime {
  const { year, month, day, hour, minute, second } = zonedAt(instant.getTime(), timeZone);
  return { year, month, day, hour, minute, second };
}

/**
 * The instant at which the wall clock in `timeZone` shows `local`. A reading that happens twice (the hour repeated
 * when clocks go back) answers the earlier instant; a reading that never happens (the hour skipped when clocks go
 * forward) is moved forward by the gap, so 02:30 on a night that jumps from 02:00 to 03:00 becomes 03:30. This is
 * Temporal's "compatible" disambiguation, the polyfill's default.
 */
export function instantAt({ year, month, day, hour, minute, second }: LocalDateTime, timeZone: string): Date {
  const wall = PlainDateTime.create(year, month, day, hour, minute, second);
  return new Date(inZone(timeZone, () => PlainDateTime.toZonedDateTime(wall, timeZone)).epochMilliseconds);
}

/** How far the zone's wall clock is ahead of UTC at `epochMs` (Berlin in winter: 3,600,000). */
export function offsetMs(epochMs: number, timeZone: string): number {
  return ZonedDateTime.offsetNanoseconds(zonedAt(epochMs, timeZone)) / 1_000_000;
}

function zonedAt(epochMs: number, timeZone: string): ZonedDateTime.Record {
  const instant = Instant.fromEpochMilliseconds(epochMs);
  return inZone(timeZone, () => Instant.toZonedDateTimeISO(instant, timeZone));
}

/** The polyfill refuses an unknown zone with a RangeError; callers get the domain's validation error. */
function inZone<T>(timeZone: string, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new InvalidValueError('timeZone', `Unknown time zone "${timeZone}"; use an IANA name such as Europe/Berlin`);
  }
}
