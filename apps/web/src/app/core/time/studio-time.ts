import { InjectionToken } from '@angular/core';
import { STUDIO_LOCALE } from './studio-locale';

/**
 * Calendar and clock arithmetic in the studio's IANA time zone, whatever the browser's zone is. Only `zoned` reads
 * zones (through `Intl`, the browser's own zone data, instead of a Temporal polyfill on the schedule's first load),
 * by the same rules as the domain's `time-zone.ts`; `Date` is used for instants and for plain calendar arithmetic
 * in UTC, never for the browser's local time.
 */

/** A calendar day in the studio, `YYYY-MM-DD`. */
export type DateKey = string;
/** A wall-clock time in the studio, `HH:MM` (24 h). */
export type TimeOfDay = string;
/** A week day as the API names it. */
export type WeekdayName = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export const WEEKDAY_NAMES: readonly WeekdayName[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** What time it is now; tests provide a fixed clock. */
export const CLOCK = new InjectionToken<() => Date>('CLOCK', { factory: () => () => new Date() });

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, create: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The studio's wall-clock reading of an instant (to the second). */
function zoned(instant: Date | string | number, timeZone: string) {
  const formatter = cached(`zone|${timeZone}`, () =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }),
  );
  const parts = formatter.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

/**
 * Makes the zone ready to read. The first reading of a zone loads the browser's data for it, slow on a phone: the
 * studio's is read as it arrives, in that answer's own task, rather than in the one that then draws the page.
 */
export function prepareTimeZone(timeZone: string): void {
  zoned(0, timeZone);
}

/** How far the studio's clock is ahead of UTC at an instant, in ms. */
function offsetAt(epochMs: number, timeZone: string): number {
  const { year, month, day, hour, minute, second } = zoned(epochMs, timeZone);
  return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(epochMs / 1000) * 1000;
}

export function isDateKey(value: unknown): value is DateKey {
  if (typeof value !== 'string') return false;
  const match = DATE_KEY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function isTimeOfDay(value: unknown): value is TimeOfDay {
  return typeof value === 'string' && TIME_OF_DAY.test(value);
}

/** The studio's calendar day of an instant. */
export function dateKeyOf(instant: Date | string, timeZone: string): DateKey {
  const { year, month, day } = zoned(instant, timeZone);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The studio's wall-clock time of an instant, `HH:MM`. */
export function timeOfDayOf(instant: Date | string, timeZone: string): TimeOfDay {
  const { hour, minute } = zoned(instant, timeZone);
  return `${pad(hour)}:${pad(minute)}`;
}

/**
 * The instant at which the studio's clock reads `time` on `date`. In the hour a clock skips (spring forward) it
 * moves on by the gap (02:30 becomes 03:30); in the hour it repeats (fall back) it takes the earlier reading:
 * Temporal's "compatible" disambiguation, as the domain's `instantAt`.
 */
export function instantAt(date: DateKey, time: TimeOfDay, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Zones change their offset at most once in two days: the readings that fit are with the offset of the day
  // before or of the day after (two fit in a repeated hour, none in a skipped one).
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const fitting = [before, after].map((offset) => wall - offset).filter((instant) => offsetAt(instant, timeZone) === wall - instant);
  return new Date(fitting.length > 0 ? Math.min(...fitting) : wall - before);
}

/** The calendar day `days` after `date` (negative goes back). */
export function addDays(date: DateKey, days: number): DateKey {
  return new Date(utcMidnight(date) + days * DAY).toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: DateKey): number {
  return (new Date(utcMidnight(date)).getUTCDay() + 6) % 7;
}

export function weekdayOf(date: DateKey): WeekdayName {
  return WEEKDAY_NAMES[weekdayIndex(date)] as WeekdayName;
}

/** Whole days from `from` to `to` (calendar days, no zone involved). */
export function daysBetween(from: DateKey, to: DateKey): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY);
}

export interface InstantRange {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** A run of studio days, from 00:00 on `first` to 00:00 the day after `last`, as instants. */
export function daysRange(first: DateKey, last: DateKey, timeZone: string): InstantRange {
  return { from: instantAt(first, '00:00', timeZone), to: instantAt(addDays(last, 1), '00:00', timeZone) };
}

/** The Monday of the studio week that holds `date`. */
export function mondayOf(date: DateKey): DateKey {
  return addDays(date, -weekdayIndex(date));
}

/**
 * The studio week that holds `now`, moved by `weeksAhead`: from Monday 00:00 to the next Monday 00:00 in the
 * studio's zone, as instants. A week that crosses a daylight-saving change is 167 or 169 hours long.
 */
export function weekRange(now: Date, timeZone: string, weeksAhead = 0): InstantRange & { monday: DateKey } {
  const monday = addDays(mondayOf(dateKeyOf(now, timeZone)), weeksAhead * 7);
  return { monday, ...daysRange(monday, addDays(monday, 6), timeZone) };
}

/** How many minutes lie between two instants. */
export function minutesBetween(start: Date | string, end: Date | string): number {
  return Math.round((new Date(end).getTime() - new Date(start).getTime()) / MINUTE);
}

/** "Monday 30 November" (with the year when it is not `currentYear`'s). */
export function formatDay(date: DateKey, currentYear?: number): string {
  const year = Number(date.slice(0, 4));
  const withYear = currentYear !== undefined && year !== currentYear;
  const formatter = cached(`day|${withYear}`, () =>
    new Intl.DateTimeFormat(STUDIO_LOCALE, {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...(withYear ? { year: 'numeric' } : {}),
    }),
  );
  return formatter.format(new Date(utcMidnight(date) + DAY / 2)).replace(',', '');
}

/** "30 Nov" — a short day, for ranges. */
export function formatShortDay(date: DateKey): string {
  const formatter = cached('short-day', () => new Intl.DateTimeFormat(STUDIO_LOCALE, { timeZone: 'UTC', day: 'numeric', month: 'short' }));
  return formatter.format(new Date(utcMidnight(date) + DAY / 2));
}

/**
 * A moment in the coming days as people say it: "Tue 07:00" within the next six days of `now`, "Tue 8 Dec 07:00"
 * further ahead (or in the past), in the studio's zone.
 */
export function formatMoment(instant: Date | string, timeZone: string, now: Date): string {
  const date = dateKeyOf(instant, timeZone);
  const ahead = daysBetween(dateKeyOf(now, timeZone), date);
  const when = ahead >= 0 && ahead < 7 ? formatWeekday(date) : formatDayWithWeekday(date);
  return `${when} ${timeOfDayOf(instant, timeZone)}`;
}

/** "Tue". */
function formatWeekday(date: DateKey): string {
  const formatter = cached('weekday', () => new Intl.DateTimeFormat(STUDIO_LOCALE, { timeZone: 'UTC', weekday: 'short' }));
  return formatter.format(new Date(utcMidnight(date) + DAY / 2));
}

/** "Tue 8 Dec". */
export function formatDayWithWeekday(date: DateKey): string {
  return `${formatWeekday(date)} ${formatShortDay(date)}`;
}

/** "45 min", "75 min", "2 h", "2 h 30 min": minutes up to two hours, as studios announce classes. */
export function formatDuration(minutes: number): string {
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

function utcMidnight(date: DateKey): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
