import { describe, expect, it } from 'vitest';
import { TimeSlot } from './time-slot';
import { MAX_SERIES_SESSIONS, type Weekday, WeeklySeries } from './weekly-series';

/** When the series are scheduled in these tests. */
const NOW = new Date('2026-06-01T08:00:00.000Z');

function series(first: string, weekdays: Weekday[], until: string, timeZone = 'Europe/Berlin', minutes = 60, now = NOW) {
  const startsAt = new Date(first);
  return WeeklySeries.create({
    first: TimeSlot.create(startsAt, new Date(startsAt.getTime() + minutes * 60_000)),
    weekdays,
    until,
    timeZone,
    now,
  });
}

const isoStarts = (result: WeeklySeries) => result.starts.map((start) => start.toISOString());

describe('WeeklySeries', () => {
  it('keeps 07:00 in Berlin at 07:00 across the end of daylight saving (2026-10-25)', () => {
    // Monday 19 October 2026, 07:00 CEST (UTC+2); from the 25th Berlin is on CET (UTC+1).
    const result = series('2026-10-19T05:00:00.000Z', ['mon', 'wed', 'sun'], '2026-10-28');
    expect(isoStarts(result)).toEqual([
      '2026-10-19T05:00:00.000Z',
      '2026-10-21T05:00:00.000Z',
      '2026-10-25T06:00:00.000Z',
      '2026-10-26T06:00:00.000Z',
      '2026-10-28T06:00:00.000Z',
    ]);
  });

  it('keeps 07:00 in New York at 07:00 across the end of daylight saving (2026-11-01)', () => {
    // Thursday 29 October 2026, 07:00 EDT (UTC-4); from 1 November New York is on EST (UTC-5).
    const result = series('2026-10-29T11:00:00.000Z', ['tue', 'thu'], '2026-11-05', 'America/New_York');
    expect(isoStarts(result)).toEqual([
      '2026-10-29T11:00:00.000Z',
      '2026-11-03T12:00:00.000Z',
      '2026-11-05T12:00:00.000Z',
    ]);
  });

  it('gives every session the first one’s length, whatever the clock change', () => {
    const result = series('2026-10-24T05:00:00.000Z', ['sat', 'sun'], '2026-10-25', 'Europe/Berlin', 75);
    expect(result.slots.map((slot) => slot.durationMinutes)).toEqual([75, 75]);
    expect(result.slots[1]?.endsAt.toISOString()).toBe('2026-10-25T07:15:00.000Z');
  });

  it('reads weekdays in the studio’s zone, not in UTC', () => {
    // 23:30 on Monday in New York is already Tuesday in UTC.
    const result = series('2026-12-01T04:30:00.000Z', ['mon'], '2026-12-08', 'America/New_York');
    expect(isoStarts(result)).toEqual(['2026-12-01T04:30:00.000Z', '2026-12-08T04:30:00.000Z']);
  });

  it('leaves the first start out when its weekday is not chosen', () => {
    // Monday 2 November 2026 at 07:00 Berlin; Tuesdays and Thursdays only.
    const result = series('2026-11-02T06:00:00.000Z', ['tue', 'thu'], '2026-11-06');
    expect(isoStarts(result)).toEqual(['2026-11-03T06:00:00.000Z', '2026-11-05T06:00:00.000Z']);
  });

  it('includes a session on the until day itself', () => {
    const result = series('2026-11-02T06:00:00.000Z', ['mon'], '2026-11-16');
    expect(result.starts).toHaveLength(3);
  });

  it('ignores a weekday named twice', () => {
    expect(series('2026-11-02T06:00:00.000Z', ['mon', 'mon'], '2026-11-09').starts).toHaveLength(2);
  });

  it('creates up to 100 sessions', () => {
    // Every day from Sunday 1 November 2026 for 100 days: the last is 8 February 2027.
    const result = series('2026-11-01T06:00:00.000Z', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], '2027-02-08');
    expect(result.starts).toHaveLength(MAX_SERIES_SESSIONS);
  });

  it('refuses a 101st session as a validation failure of repeat', () => {
    const attempt = () =>
      series('2026-11-01T06:00:00.000Z', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], '2027-02-09');
    expect(attempt).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'repeat' }));
  });

  it('refuses a far end date without walking every day to it', () => {
    expect(() => series('2026-11-01T06:00:00.000Z', ['mon'], '9999-12-31')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'repeat.until' }),
    );
  });

  it('ends at most two years after it is scheduled', () => {
    const everyDay: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    expect(series('2028-05-29T06:00:00.000Z', everyDay, '2028-06-01').slots).toHaveLength(4);
    expect(() => series('2028-05-29T06:00:00.000Z', everyDay, '2028-06-02')).toThrow(
      expect.objectContaining({ field: 'repeat.until', message: expect.stringContaining('at most 2 years ahead') }),
    );
  });

  it('refuses an end date before the first start’s day (in the studio’s zone)', () => {
    // 00:30 on 2 November in Berlin is still 1 November in UTC.
    expect(() => series('2026-11-01T23:30:00.000Z', ['mon'], '2026-11-01')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'repeat.until' }),
    );
  });

  it('refuses a series in which no chosen weekday falls', () => {
    expect(() => series('2026-11-02T06:00:00.000Z', ['fri'], '2026-11-05')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'repeat' }),
    );
  });

  it('refuses no weekday, an unknown weekday and a malformed end date', () => {
    expect(() => series('2026-11-02T06:00:00.000Z', [], '2026-11-30')).toThrow(
      expect.objectContaining({ field: 'repeat.weekdays' }),
    );
    expect(() => series('2026-11-02T06:00:00.000Z', ['monday' as Weekday], '2026-11-30')).toThrow(
      expect.objectContaining({ field: 'repeat.weekdays' }),
    );
    for (const until of ['2026-11-31', '30.11.2026', '2026-11-30T00:00:00Z']) {
      expect(() => series('2026-11-02T06:00:00.000Z', ['mon'], until)).toThrow(
        expect.objectContaining({ field: 'repeat.until' }),
      );
    }
  });

  it('refuses an unknown time zone', () => {
    expect(() => series('2026-11-02T06:00:00.000Z', ['mon'], '2026-11-30', 'Nowhere/City')).toThrow(
      expect.objectContaining({ field: 'timeZone' }),
    );
  });
});
