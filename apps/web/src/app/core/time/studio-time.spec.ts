import {
  addDays,
  dateKeyOf,
  daysRange,
  formatDay,
  formatDuration,
  instantAt,
  isDateKey,
  timeOfDayOf,
  weekdayOf,
  weekRange,
} from './studio-time';

const HOUR = 3_600_000;

describe('studio time', () => {
  describe('reading an instant on the studio clock', () => {
    it("gives the studio's day and time, not the browser's", () => {
      // 23:30 UTC on a Monday is already Tuesday 00:30 in Berlin (winter, +1) and still Monday 18:30 in New York.
      const instant = '2026-11-30T23:30:00.000Z';
      expect(dateKeyOf(instant, 'Europe/Berlin')).toBe('2026-12-01');
      expect(timeOfDayOf(instant, 'Europe/Berlin')).toBe('00:30');
      expect(dateKeyOf(instant, 'America/New_York')).toBe('2026-11-30');
      expect(timeOfDayOf(instant, 'America/New_York')).toBe('18:30');
      expect(dateKeyOf(instant, 'UTC')).toBe('2026-11-30');
    });

    it('follows daylight saving time (Berlin: +2 in summer, +1 in winter)', () => {
      expect(timeOfDayOf('2026-07-01T12:00:00Z', 'Europe/Berlin')).toBe('14:00');
      expect(timeOfDayOf('2026-12-01T12:00:00Z', 'Europe/Berlin')).toBe('13:00');
      expect(timeOfDayOf('2026-03-29T00:59:00Z', 'Europe/Berlin')).toBe('01:59'); // just before the spring change
      expect(timeOfDayOf('2026-03-29T01:00:00Z', 'Europe/Berlin')).toBe('03:00'); // 02:00 never shows
      expect(timeOfDayOf('2026-10-25T00:30:00Z', 'Europe/Berlin')).toBe('02:30'); // before the change (CEST)
      expect(timeOfDayOf('2026-10-25T01:30:00Z', 'Europe/Berlin')).toBe('02:30'); // the repeated hour (CET)
    });
  });

  describe('the instant of a studio wall-clock time', () => {
    it('keeps 07:00 at 07:00 on both sides of the autumn change', () => {
      expect(instantAt('2026-10-23', '07:00', 'Europe/Berlin').toISOString()).toBe('2026-10-23T05:00:00.000Z');
      expect(instantAt('2026-10-26', '07:00', 'Europe/Berlin').toISOString()).toBe('2026-10-26T06:00:00.000Z');
    });

    it('keeps 07:00 at 07:00 on both sides of the spring change', () => {
      expect(instantAt('2026-03-28', '07:00', 'Europe/Berlin').toISOString()).toBe('2026-03-28T06:00:00.000Z');
      expect(instantAt('2026-03-30', '07:00', 'Europe/Berlin').toISOString()).toBe('2026-03-30T05:00:00.000Z');
    });

    it('moves a time in the hour the clock skips on by the gap, and takes the earlier of the hour it repeats', () => {
      expect(instantAt('2026-03-29', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
      expect(instantAt('2026-10-25', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST
    });

    it('round-trips through the studio clock in any zone', () => {
      for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC']) {
        const instant = instantAt('2026-12-03', '18:45', zone);
        expect(dateKeyOf(instant, zone)).toBe('2026-12-03');
        expect(timeOfDayOf(instant, zone)).toBe('18:45');
      }
    });
  });

  describe('the studio week', () => {
    it('runs from Monday 00:00 to the next Monday 00:00 in the studio, as instants', () => {
      // Wednesday 25 November 2026, 10:00 UTC.
      const week = weekRange(new Date('2026-11-25T10:00:00Z'), 'Europe/Berlin');
      expect(week.monday).toBe('2026-11-23');
      expect(week.from.toISOString()).toBe('2026-11-22T23:00:00.000Z');
      expect(week.to.toISOString()).toBe('2026-11-29T23:00:00.000Z');
    });

    it('is 169 hours long across the autumn change and 167 across the spring one', () => {
      const autumn = weekRange(new Date('2026-10-21T12:00:00Z'), 'Europe/Berlin');
      expect(autumn.from.toISOString()).toBe('2026-10-18T22:00:00.000Z'); // Monday 19 October, 00:00 CEST
      expect(autumn.to.toISOString()).toBe('2026-10-25T23:00:00.000Z'); // Monday 26 October, 00:00 CET
      expect((autumn.to.getTime() - autumn.from.getTime()) / HOUR).toBe(169);

      const spring = weekRange(new Date('2026-03-25T12:00:00Z'), 'Europe/Berlin');
      expect(spring.from.toISOString()).toBe('2026-03-22T23:00:00.000Z');
      expect(spring.to.toISOString()).toBe('2026-03-29T22:00:00.000Z');
      expect((spring.to.getTime() - spring.from.getTime()) / HOUR).toBe(167);
    });

    it("takes the studio's today, not UTC's: Sunday night in UTC can be Monday in the studio", () => {
      // Sunday 29 November 23:30 UTC is Monday 30 November 00:30 in Berlin: a new week there.
      const now = new Date('2026-11-29T23:30:00Z');
      expect(weekRange(now, 'Europe/Berlin').monday).toBe('2026-11-30');
      expect(weekRange(now, 'UTC').monday).toBe('2026-11-23');
    });

    it('moves by whole weeks for "next week"', () => {
      const next = weekRange(new Date('2026-11-25T10:00:00Z'), 'Europe/Berlin', 1);
      expect(next.monday).toBe('2026-11-30');
      expect(next.from.toISOString()).toBe('2026-11-29T23:00:00.000Z');
      expect(next.to.toISOString()).toBe('2026-12-06T23:00:00.000Z');
    });

    it('gives one studio day as a range', () => {
      const day = daysRange('2026-12-03', '2026-12-03', 'America/New_York');
      expect(day.from.toISOString()).toBe('2026-12-03T05:00:00.000Z');
      expect(day.to.toISOString()).toBe('2026-12-04T05:00:00.000Z');
    });
  });

  describe('calendar days', () => {
    it('adds days across months and years, and names weekdays', () => {
      expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
      expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
      expect(weekdayOf('2026-11-30')).toBe('mon');
      expect(weekdayOf('2026-12-06')).toBe('sun');
    });

    it('accepts only real dates', () => {
      expect(isDateKey('2026-12-03')).toBe(true);
      expect(isDateKey('2026-02-30')).toBe(false);
      expect(isDateKey('2026-12-3')).toBe(false);
      expect(isDateKey(undefined)).toBe(false);
    });
  });

  describe('formatting', () => {
    it('names a day, with the year only when it is not this one', () => {
      expect(formatDay('2026-11-30', 2026)).toBe('Monday 30 November');
      expect(formatDay('2027-01-04', 2026)).toBe('Monday 4 January 2027');
    });

    it('says how long a class lasts', () => {
      expect(formatDuration(45)).toBe('45 min');
      expect(formatDuration(75)).toBe('75 min');
      expect(formatDuration(120)).toBe('2 h');
      expect(formatDuration(150)).toBe('2 h 30 min');
    });
  });
});
