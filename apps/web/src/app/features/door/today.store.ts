import { computed, inject } from '@angular/core';
import type { ListSessionsQuery } from '@fitflow/api-contract';
import { signalStore, withComputed, withHooks } from '@ngrx/signals';
import { SchedulingApi } from '../../core/api/scheduling-api';
import { withPagedLoading } from '../../core/api/with-paged-loading';
import { AuthStore } from '../../core/auth/auth.store';
import { StudioStore } from '../../core/studio/studio.store';
import { CLOCK, dateKeyOf, daysRange, formatDay } from '../../core/time/studio-time';

/** More classes than a studio runs in a day. */
/** How far past now the page always looks, whatever the hour. */
const LOOK_AHEAD_MS = 60 * 60_000;

export const TODAY_PAGE_SIZE = 100;

/**
 * The Today page: the sessions of the studio's day (in its zone) that a trainer leads, or every trainer's for an
 * admin; drafts left out, since nobody can book them. Provided at the route.
 */
export const TodayStore = signalStore(
  withPagedLoading({
    collection: 'sessions',
    fetcher: () => {
      const api = inject(SchedulingApi);
      return (query: ListSessionsQuery, page: number) => api.listSessions({ ...query, page });
    },
  }),
  withComputed(({ sessions }, auth = inject(AuthStore), studio = inject(StudioStore), clock = inject(CLOCK)) => {
    const today = computed(() => dateKeyOf(clock(), studio.timeZone()));
    return {
      isAdmin: auth.isAdmin,
      timeZone: studio.timeZone,
      /** "Wednesday 25 November". */
      dayLabel: computed(() => formatDay(today())),
      /** Published, running, finished and cancelled ones: drafts have no one booked. */
      shown: computed(() => sessions().filter((session) => session.status !== 'draft')),
      /** Null until the studio's zone is known, so "today" is the studio's. */
      query: computed<ListSessionsQuery | null>(() => {
        if (!studio.settled()) return null;
        const { from, to: endOfDay } = daysRange(today(), today(), studio.timeZone());
        // Late in the evening, the classes of the next hour too: one just after midnight is still tonight's door.
        const to = new Date(Math.max(endOfDay.getTime(), clock().getTime() + LOOK_AHEAD_MS));
        const trainerId = auth.isAdmin() ? null : (auth.user()?.id ?? null);
        return { from: from.toISOString(), to: to.toISOString(), ...(trainerId ? { trainerId } : {}), pageSize: TODAY_PAGE_SIZE };
      }),
    };
  }),
  withHooks({
    onInit(store) {
      store.load(store.query);
    },
  }),
);
