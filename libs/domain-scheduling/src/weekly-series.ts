import { InvalidValueError } from '@fitflow/domain-shared';
import { type LocalDateTime, assertTimeZone, instantAt, localDateTimeOf } from './time-zone';
import { StartsTooFarAheadError } from './errors';
import { SCHEDULING_HORIZON_YEARS, TimeSlot, schedulingHorizon } from './time-slot';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const MAX_SERIES_SESSIONS = 100;

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface WeeklySeriesSpec {
  /** The first session as asked for: its start gives the wall-clock time, its length every session's length. */
  first: TimeSlot;
  weekdays: readonly Weekday[];
  /** The last day that may hold a session, `YYYY-MM-DD`, inclusive, in the studio's zone. */
  until: string;
  /** The studio's IANA time zone, in which the wall-clock time is kept. */
  timeZone: string;
  /** When the series is scheduled: `until` may be at most two years after it. */
  now: Date;
}

/**
 * A weekly series: every chosen weekday from the day of the first start to `until` (inclusive), at the first
 * start's wall-clock time in the studio's zone, so a 07:00 class stays at 07:00 when daylight saving starts or
 * ends, and lasts as long as the first one.
 *
 * The first start is one of the sessions only when its own weekday is chosen: "Tuesdays and Thursdays from
 * Monday the 2nd" starts on Tuesday the 3rd. So the weekdays alone say which days hold a class.
 *
 * At most 100 sessions (more: VALIDATION_FAILED `repeat`); `until` before the first day or more than two years
 * ahead, or a series with no session at all, is VALIDATION_FAILED too.
 */
export class WeeklySeries {
  private constructor(readonly slots: readonly TimeSlot[]) {}

  static create({ first, weekdays, until, timeZone, now }: WeeklySeriesSpec): WeeklySeries {
    assertTimeZone(timeZone);
    const chosen = requireWeekdays(weekdays);
    const lastDay = parseDay(until);
    if (lastDay > schedulingHorizon(now).getTime()) {
      throw new StartsTooFarAheadError('repeat.until', SCHEDULING_HORIZON_YEARS);
    }
    const start = localDateTimeOf(first.startsAt, timeZone);
    const msIntoSecond = first.startsAt.getTime() % 1000;
    const firstDay = Date.UTC(start.year, start.month - 1, start.day);
    if (lastDay < firstDay) {
      throw new InvalidValueError('repeat.until', 'The series must end on or after the day of its first session');
    }

    const slots: TimeSlot[] = [];
    for (let day = firstDay; day <= lastDay; day += DAY_MS) {
      const date = new Date(day);
      if (!chosen.has(WEEKDAYS[date.getUTCDay()] as Weekday)) continue;
      if (slots.length === MAX_SERIES_SESSIONS) {
        throw new InvalidValueError(
          'repeat',
          `A series has at most ${MAX_SERIES_SESSIONS} sessions; choose an earlier end date or fewer weekdays`,
        );
      }
      const local: LocalDateTime = {
        ...start,
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
      };
      slots.push(first.movedTo(new Date(instantAt(local, timeZone).getTime() + msIntoSecond)));
    }
    if (slots.length === 0) {
      throw new InvalidValueError('repeat', 'No chosen weekday falls between the first session and the end date');
    }
    return new WeeklySeries(slots);
  }

  get starts(): Date[] {
    return this.slots.map((slot) => slot.startsAt);
  }
}

function requireWeekdays(weekdays: readonly string[]): Set<Weekday> {
  if (!Array.isArray(weekdays) || weekdays.length === 0) {
    throw new InvalidValueError('repeat.weekdays', 'Choose at least one weekday');
  }
  for (const weekday of weekdays) {
    if (!(WEEKDAYS as readonly string[]).includes(weekday)) {
      throw new InvalidValueError('repeat.weekdays', `Unknown weekday "${weekday}"; use mon, tue, wed, thu, fri, sat or sun`);
    }
  }
  return new Set(weekdays as Weekday[]);
}

/** A calendar day as UTC midnight, for arithmetic; refuses anything but a real `YYYY-MM-DD`. */
function parseDay(raw: string): number {
  const match = ISO_DATE.exec(typeof raw === 'string' ? raw : '');
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (!match || date.getUTCFullYear() !== year || date.getUTCMonth() + 1 !== month || date.getUTCDate() !== day) {
    throw new InvalidValueError('repeat.until', 'Enter the end date as YYYY-MM-DD');
  }
  return ms;
}
