import { Injectable, type Provider } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MAT_DATE_LOCALE, MAT_NATIVE_DATE_FORMATS, NativeDateAdapter } from '@angular/material/core';
import { STUDIO_LOCALE } from './studio-locale';
import type { DateKey, TimeOfDay } from './studio-time';

const DAY_MONTH_YEAR = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;
const ISO_DAY = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

/**
 * The native adapter, reading typed dates the way it shows them in the studio's locale (31/12/2026) or as ISO
 * (2026-12-31). The native one hands typed text to `Date.parse`, which reads 01/11/2026 as 11 January.
 * Its dates are calendar days (local midnight); pages read them as days of the studio, never as instants.
 */
@Injectable()
export class StudioDateAdapter extends NativeDateAdapter {
  override parse(value: unknown, parseFormat?: unknown): Date | null {
    if (typeof value !== 'string') return super.parse(value, parseFormat);
    const dayFirst = DAY_MONTH_YEAR.exec(value);
    const iso = ISO_DAY.exec(value);
    if (dayFirst) return this.#day(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
    if (iso) return this.#day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return value.trim() === '' ? null : this.invalid();
  }

  /** A real calendar day, or an invalid date (31/02/2026 is not 3 March). */
  #day(year: number, month: number, day: number): Date {
    const date = new Date(year, month - 1, day);
    return date.getMonth() === month - 1 && date.getDate() === day ? date : this.invalid();
  }
}

/**
 * Material's date and time pickers in the studio's locale (30/11/2026, 07:30, weeks from Monday), whatever the
 * browser's language: native `<input type="date">` and `type="time"` follow the browser's, so pickers use these.
 * Provided by the routes that pick dates (kept out of the initial bundle).
 */
export function provideStudioDateAdapter(): Provider[] {
  return [
    { provide: MAT_DATE_LOCALE, useValue: STUDIO_LOCALE },
    { provide: MAT_DATE_FORMATS, useValue: MAT_NATIVE_DATE_FORMATS },
    { provide: DateAdapter, useClass: StudioDateAdapter },
  ];
}

/** Whether a picker's value is a day (not empty, not what typing left invalid). */
export function isPickedDay(date: Date | null | undefined): date is Date {
  return date instanceof Date && !Number.isNaN(date.getTime());
}

/** Whether a timepicker's value is a time: a timepicker holds a date too, the day of no interest. */
export const isPickedTime = isPickedDay;

/** The calendar day a picker's date stands for. */
export function dateKeyOfPickedDay(date: Date): DateKey {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A calendar day as a picker's date (local midnight). */
export function pickedDayOf(date: DateKey): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

/** The wall-clock time a timepicker's date stands for, `HH:MM`. */
export function timeOfDayOfPickedTime(time: Date): TimeOfDay {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(time.getHours())}:${pad(time.getMinutes())}`;
}

/** A wall-clock time as a timepicker's date (today at that time, local, as the timepicker makes its own). */
export function pickedTimeOf(time: TimeOfDay): Date {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const date = new Date();
  date.setHours(hour, minute, 0, 0);
  return date;
}
