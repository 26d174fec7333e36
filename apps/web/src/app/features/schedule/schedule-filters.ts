import type { Params } from '@angular/router';
import { type DateKey, isDateKey } from '../../core/time/studio-time';

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
