/**
 * How result values come back to JavaScript, the same on PostgreSQL (`pg`) and PGlite, so code and tests never
 * depend on which engine runs:
 * - `int8` (bigint columns, `count(*)`, identity columns such as `outbox.seq`) becomes a `number`. Counts and
 *   sequence numbers stay far below 2^53; a value beyond that throws instead of silently losing precision.
 * - `date` stays the `'YYYY-MM-DD'` string: both drivers would otherwise turn it into a midnight `Date` in some
 *   time zone (`pg` local, PGlite UTC), which shifts the day.
 * - `timestamptz` becomes a `Date` (both drivers' default); `numeric` stays a string (exact); `jsonb` is parsed.
 */

export const INT8_OID = 20;
export const DATE_OID = 1082;

export function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) {
    throw new RangeError(`int8 value ${value} does not fit a JavaScript number exactly; cast it to text in SQL`);
  }
  return parsed;
}

function keepText(value: string): string {
  return value;
}

/** Overrides of the drivers' text parsers, keyed by type OID. */
export const TYPE_PARSERS: Readonly<Record<number, (value: string) => unknown>> = {
  [INT8_OID]: parseInt8,
  [DATE_OID]: keepText,
};
