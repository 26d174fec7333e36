import type { Params } from '@angular/router';
import type { ListSessionsQuery } from '@fitflow/api-contract';
import { addDays, type DateKey, daysRange, isDateKey, weekRange } from '../../core/time/studio-time';

/** Which days the schedule shows: the studio's current week, the next one, or one chosen day. */
export type ScheduleRange = 'this-week' | 'next-week' | 'day';

export interface ScheduleFilters {
  range: ScheduleRange;
  /** The chosen day when `range` is `day`. */
  date: DateKey | null;
  trainerId: string | null;
  /** Only sessions with a free spot. */
  available: boolean;
  /** Text in the class's or trainer's name. */
  q: string;
}

export const defaultFilters: ScheduleFilters = { range: 'this-week', date: null, trainerId: null, available: false, q: '' };

/** How many sessions the schedule asks for at once. */
export const SCHEDULE_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const SEARCH_MAX_LENGTH = 100;

/**
 * The filters a URL's query parameters name (`?week=next`, `?date=2026-12-03`, `&trainer=<id>&available=true
 * &q=yoga`). Anything unreadable falls back to the default, so an edited or stale link still shows a schedule.
 */
export function filtersFromParams(params: Params): ScheduleFilters {
  const text = (key: string): string | undefined => {
    const value: unknown = params[key];
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : undefined;
  };
  const date = text('date');
  const trainer = text('trainer');
  const q = (text('q') ?? '').trim().slice(0, SEARCH_MAX_LENGTH);
  return {
    range: isDateKey(date) ? 'day' : text('week') === 'next' ? 'next-week' : 'this-week',
    date: isDateKey(date) ? date : null,
    trainerId: trainer && UUID.test(trainer) ? trainer : null,
    available: text('available') === 'true',
    q,
  };
}

/** The query parameters of a filtered view: only what differs from the default, so links stay short. */
export function paramsFromFilters(filters: ScheduleFilters): Params {
  const params: Params = {};
  if (filters.range === 'day' && filters.date) params['date'] = filters.date;
  else if (filters.range === 'next-week') params['week'] = 'next';
  if (filters.trainerId) params['trainer'] = filters.trainerId;
  if (filters.available) params['available'] = 'true';
  const q = filters.q.trim();
  if (q) params['q'] = q;
  return params;
}

/** How many filters narrow the classes shown (trainer, free spots, search), for the phone's "Filters · 2". */
export function activeFilterCount({ trainerId, available, q }: ScheduleFilters): number {
  return [trainerId !== null, available, q !== ''].filter(Boolean).length;
}

/** The days shown, as studio dates: the Monday-to-Sunday week the filters name at `now`, or their one day. */
export function scheduleDays({ range, date }: ScheduleFilters, now: Date, timeZone: string): { first: DateKey; last: DateKey } {
  if (range === 'day' && date) return { first: date, last: date };
  const { monday } = weekRange(now, timeZone, range === 'next-week' ? 1 : 0);
  return { first: monday, last: addDays(monday, 6) };
}

/**
 * The API query for the first page of the filters' sessions at `now`, in the studio's zone. One function for the
 * page and for the request started while the app boots (`early-sessions.ts`), so the two ask the same thing.
 */
export function sessionsQuery(filters: ScheduleFilters, now: Date, timeZone: string): ListSessionsQuery {
  const { first, last } = scheduleDays(filters, now, timeZone);
  const range = daysRange(first, last, timeZone);
  const { trainerId, available, q } = filters;
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    ...(trainerId ? { trainerId } : {}),
    ...(available ? { available: 'true' as const } : {}),
    ...(q ? { q } : {}),
    page: 1,
    pageSize: SCHEDULE_PAGE_SIZE,
  };
}
