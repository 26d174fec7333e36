import {
  addDays,
  daysBetween,
  instantAt,
  isDateKey,
  isTimeOfDay,
  WEEKDAY_NAMES,
  weekdayOf,
  type DateKey,
  type WeekdayName,
} from '../../../core/time/studio-time';
import { MAX_SERIES_SESSIONS } from '../../../core/api/limits';
import { dateKeyOfPickedDay, isPickedDay, isPickedTime, timeOfDayOfPickedTime } from '../../../core/time/studio-date-adapter';
import type { ScheduleInput } from './templates.store';

/** The form as its pickers hold it: Material's dates, null when empty, an invalid date when typed wrong. */
export interface SchedulePickerValue {
  date: Date | null;
  time: Date | null;
  repeat: boolean;
  weekdays: Record<WeekdayName, boolean>;
  until: Date | null;
}

/** The form in the studio's terms: days `YYYY-MM-DD` and a time `HH:MM`, '' for one not (validly) picked. */
export interface ScheduleFormValue {
  date: string;
  time: string;
  repeat: boolean;
  weekdays: Record<WeekdayName, boolean>;
  until: string;
}

export function scheduleFormValueOf(picked: SchedulePickerValue): ScheduleFormValue {
  const dayOf = (date: Date | null) => (isPickedDay(date) ? dateKeyOfPickedDay(date) : '');
  return {
    ...picked,
    date: dayOf(picked.date),
    time: isPickedTime(picked.time) ? timeOfDayOfPickedTime(picked.time) : '',
    until: dayOf(picked.until),
  };
}

/** The days a weekly series falls on: each chosen weekday from `date` to `until`, both included. */
export function seriesDays(date: DateKey, weekdays: readonly WeekdayName[], until: DateKey): DateKey[] {
  const days: DateKey[] = [];
  const span = daysBetween(date, until);
  for (let offset = 0; offset <= span && days.length <= MAX_SERIES_SESSIONS; offset++) {
    const day = addDays(date, offset);
    if (weekdays.includes(weekdayOf(day))) days.push(day);
  }
  return days;
}

export function chosenWeekdays(value: ScheduleFormValue): WeekdayName[] {
  return WEEKDAY_NAMES.filter((day) => value.weekdays[day]);
}

/** How many classes the form would create, or null while it cannot tell. */
export function scheduledCount(value: ScheduleFormValue): number | null {
  if (!isDateKey(value.date)) return null;
  if (!value.repeat) return 1;
  if (!isDateKey(value.until) || value.until < value.date) return null;
  return seriesDays(value.date, chosenWeekdays(value), value.until).length;
}

/**
 * The rules across fields, as the API applies them: a start in the future (in the studio's zone), and for a
 * series at least one weekday, an end on or after the start, between 1 and 100 classes. Field → message.
 */
export function scheduleProblems(value: ScheduleFormValue, now: Date, timeZone: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!isDateKey(value.date)) problems['date'] = 'Enter a date';
  if (!isTimeOfDay(value.time)) problems['time'] = 'Enter a start time';
  if (!problems['date'] && !problems['time'] && instantAt(value.date, value.time, timeZone) <= now) {
    problems['time'] = 'Choose a start in the future';
  }
  if (value.repeat && !problems['date']) {
    const weekdays = chosenWeekdays(value);
    if (weekdays.length === 0) problems['weekdays'] = 'Choose at least one weekday';
    if (!isDateKey(value.until)) problems['until'] = 'Enter the last date of the series';
    else if (value.until < value.date) problems['until'] = 'The series ends on or after its first date';
    else if (weekdays.length > 0) {
      const count = seriesDays(value.date, weekdays, value.until).length;
      if (count === 0) problems['until'] = 'None of the chosen weekdays falls in these dates';
      else if (count > MAX_SERIES_SESSIONS) problems['until'] = `A series has at most ${MAX_SERIES_SESSIONS} classes; choose an earlier date`;
    }
  }
  return problems;
}

/** The request for a valid form. */
export function scheduleInputOf(value: ScheduleFormValue): ScheduleInput {
  return {
    date: value.date,
    time: value.time,
    ...(value.repeat ? { repeat: { weekdays: chosenWeekdays(value), until: value.until } } : {}),
  };
}
