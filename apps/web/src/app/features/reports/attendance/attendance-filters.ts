import type { Params } from '@angular/router';
import { addDays, type DateKey, daysBetween, isDateKey } from '../../../core/time/studio-time';

/** What the attendance page shows; kept in the URL (`?from=2026-11-01&to=2026-11-30&trainer=<id>`). */
export interface AttendanceFilters {
  /** The first and last studio day shown (both included); null for the default, the last four weeks. */
  from: DateKey | null;
  to: DateKey | null;
  /** An admin's choice of one trainer; trainers always see their own classes. */
  trainerId: string | null;
}

export interface StudioDays {
  first: DateKey;
  last: DateKey;
}

export const defaultFilters: AttendanceFilters = { from: null, to: null, trainerId: null };

/** The default range: four weeks up to and including today. */
export const DEFAULT_DAYS = 28;
/** The longest range the API reports on (`MAX_REPORT_DAYS` of application-booking). */
export const MAX_REPORT_DAYS = 366;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The days the filters name, or the last four weeks up to `today`. */
export function daysOf(filters: AttendanceFilters, today: DateKey): StudioDays {
  if (filters.from && filters.to) return { first: filters.from, last: filters.to };
  return { first: addDays(today, -(DEFAULT_DAYS - 1)), last: today };
}

/** How many studio days a range covers, both ends included. */
export function dayCount({ first, last }: StudioDays): number {
  return daysBetween(first, last) + 1;
}

/**
 * The filters a URL's query names. A range needs both ends in order; anything unreadable falls back to the
 * default, so an edited or stale link still shows a report.
 */
export function filtersFromParams(params: Params): AttendanceFilters {
  const text = (key: string): string | undefined => {
    const value: unknown = params[key];
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : undefined;
  };
  const from = text('from');
  const to = text('to');
  const trainer = text('trainer');
  const range = isDateKey(from) && isDateKey(to) && from <= to ? { from, to } : { from: null, to: null };
  return { ...range, trainerId: trainer && UUID.test(trainer) ? trainer : null };
}

/** The query parameters of the filters: only what differs from the default. */
export function paramsFromFilters(filters: AttendanceFilters): Params {
  const params: Params = {};
  if (filters.from && filters.to) {
    params['from'] = filters.from;
    params['to'] = filters.to;
  }
  if (filters.trainerId) params['trainer'] = filters.trainerId;
  return params;
}
