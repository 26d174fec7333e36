import { describe, expect, it } from 'vitest';
import { assertTimeZone, instantAt, localDateTimeOf, offsetMs } from './time-zone';

const local = (year: number, month: number, day: number, hour: number, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
});

describe('localDateTimeOf', () => {
  it('reads the wall clock of the zone, daylight saving included', () => {
    expect(localDateTimeOf(new Date('2026-07-01T05:00:00Z'), 'Europe/Berlin')).toEqual(local(2026, 7, 1, 7));
    expect(localDateTimeOf(new Date('2026-12-01T06:00:00Z'), 'Europe/Berlin')).toEqual(local(2026, 12, 1, 7));
    expect(localDateTimeOf(new Date('2026-12-01T03:30:00Z'), 'America/New_York')).toEqual(local(2026, 11, 30, 22, 30));
  });

  it('shows midnight as hour 0', () => {
    expect(localDateTimeOf(new Date('2026-12-01T00:00:00Z'), 'UTC').hour).toBe(0);
  });
});

describe('instantAt', () => {
  it('finds the instant of a wall-clock time in summer and in winter', () => {
    expect(instantAt(local(2026, 7, 1, 7), 'Europe/Berlin').toISOString()).toBe('2026-07-01T05:00:00.000Z');
    expect(instantAt(local(2026, 12, 1, 7), 'Europe/Berlin').toISOString()).toBe('2026-12-01T06:00:00.000Z');
    expect(instantAt(local(2026, 11, 2, 7), 'America/New_York').toISOString()).toBe('2026-11-02T12:00:00.000Z');
  });

  it('takes the earlier of a time that happens twice when clocks go back', () => {
    expect(instantAt(local(2026, 10, 25, 2, 30), 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('moves a time that never happens when clocks go forward on by the gap', () => {
    // 2026-03-29 in Berlin jumps from 02:00 to 03:00: 02:30 becomes 03:30 CEST.
    expect(instantAt(local(2026, 3, 29, 2, 30), 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('offsetMs', () => {
  it('gives the offset in force on each side of both clock changes', () => {
    const hour = 3_600_000;
    expect(offsetMs(Date.parse('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toBe(1 * hour);
    expect(offsetMs(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(2 * hour);
    expect(offsetMs(Date.parse('2026-10-25T00:59:59Z'), 'Europe/Berlin')).toBe(2 * hour);
    expect(offsetMs(Date.parse('2026-10-25T01:00:00Z'), 'Europe/Berlin')).toBe(1 * hour);
    expect(offsetMs(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(-4 * hour);
  });
});

describe('assertTimeZone', () => {
  it('accepts IANA names and refuses anything else as a validation failure', () => {
    expect(() => assertTimeZone('Europe/Berlin')).not.toThrow();
    expect(() => assertTimeZone('Mars/Olympus_Mons')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'timeZone' }),
    );
  });
});
