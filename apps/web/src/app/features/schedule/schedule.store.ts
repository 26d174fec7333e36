import { computed, effect, inject, untracked } from '@angular/core';
import { Router, type Params } from '@angular/router';
import type { ListSessionsQuery, Session } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { debounceTime, map, pipe, tap } from 'rxjs';
import { SchedulingApi } from '../../core/api/scheduling-api';
import { AuthStore } from '../../core/auth/auth.store';
import { withPagedLoading } from '../../core/api/with-paged-loading';
import { StudioStore } from '../../core/studio/studio.store';
import { addDays, CLOCK, dateKeyOf, daysBetween, formatDay, formatShortDay, type DateKey } from '../../core/time/studio-time';
import { groupByStudioDay } from '../../shared/sessions/session-labels';
import { EarlySessions } from './early-sessions';
import { LastScheduleView } from './last-schedule-view';
import {
  activeFilterCount,
  defaultFilters,
  filtersFromParams,
  paramsFromFilters,
  scheduleDays,
  type ScheduleFilters,
  sessionsQuery,
} from './schedule-filters';
import { withTrainers } from '../../shared/sessions/with-trainers';

export const SEARCH_DEBOUNCE_MS = 300;
const SCHEDULE_PATH = '/schedule';

interface ScheduleState {
  /** What the URL says; the one source of the filters. */
  filters: ScheduleFilters;
}

/**
 * The schedule browser: filters that live in the URL (so a view can be shared and Back works), the sessions of
 * the chosen days by the studio's calendar, "Load more". Provided at the route.
 */
export const ScheduleStore = signalStore(
  withTrainers(),
  withState<ScheduleState>({ filters: defaultFilters }),
  withPagedLoading({
    collection: 'sessions',
    fetcher: () => {
      const api = inject(SchedulingApi);
      const early = inject(EarlySessions);
      return (query: ListSessionsQuery, page: number) => {
        const request = { ...query, page };
        return (page === 1 ? early.take(request) : null) ?? api.listSessions(request);
      };
    },
  }),
  withComputed(({ filters, sessions, loading }, studio = inject(StudioStore), clock = inject(CLOCK)) => {
    const now = clock();
    const timeZone = studio.timeZone;
    const today = computed(() => dateKeyOf(now, timeZone()));
    /** The days shown, as studio dates: a Monday-to-Sunday week or one day. */
    const days = computed<{ first: DateKey; last: DateKey }>(() => scheduleDays(filters(), now, timeZone()));
    const currentYear = computed(() => Number(today().slice(0, 4)));
    const activeFilters = computed(() => activeFilterCount(filters()));
    return {
      timeZone,
      today,
      days,
      /** "30 Nov – 6 Dec" or "Thursday 3 December". */
      rangeLabel: computed(() => {
        const { first, last } = days();
        return first === last ? formatDay(first) : `${formatShortDay(first)} – ${formatShortDay(last)}`;
      }),
      /** The API query for the filters, or null while the studio's time zone is not known yet. */
      query: computed<ListSessionsQuery | null>(() => (studio.settled() ? sessionsQuery(filters(), now, timeZone()) : null)),
      groups: computed(() => groupByStudioDay(sessions(), timeZone(), currentYear())),
      /** How many of trainer, free spots and search narrow the list: "Filters · 2" on a phone. */
      activeFilters,
      isFiltered: computed(() => activeFilters() > 0),
      /**
       * While nothing is shown yet and the list is on its way: the days it will fill, headed as they will be, for
       * the page to draw the week's shape in place of a blank page. Empty once there is a list (or an error).
       */
      skeletonDays: computed<{ date: DateKey; label: string }[]>(() => {
        if (!loading() || sessions().length > 0) return [];
        const { first, last } = days();
        return Array.from({ length: daysBetween(first, last) + 1 }, (_, i) => {
          const date = addDays(first, i);
          return { date, label: formatDay(date, currentYear()) };
        });
      }),
    };
  }),
  withMethods((store, router = inject(Router), lastView = inject(LastScheduleView)) => {
    /** Puts filters in the URL; the page then hands them back through `followUrl`. */
    const navigate = (filters: ScheduleFilters): Promise<boolean> =>
      router.navigate([SCHEDULE_PATH], { queryParams: paramsFromFilters(filters) });
    const change = (patch: Partial<ScheduleFilters>): Promise<boolean> => navigate({ ...store.filters(), ...patch });
    let shownBefore = false;

    return {
      /** Takes the filters from the URL's query parameters (on arrival, on every filter change, on Back). */
      followUrl: rxMethod<Params>(
        tap((params) => {
          const filters = filtersFromParams(params);
          lastView.remember(paramsFromFilters(filters));
          if (JSON.stringify(filters) !== JSON.stringify(store.filters())) patchState(store, { filters });
        }),
      ),

      showThisWeek: () => change({ range: 'this-week', date: null }),
      showNextWeek: () => change({ range: 'next-week', date: null }),
      /** One studio day; without a valid date, today. */
      showDay: (date: DateKey | null) => change({ range: 'day', date: date || store.today() }),
      /** The day before (-1) or after (+1) the one shown. */
      stepDay: (days: number) => change({ range: 'day', date: addDays(store.filters().date ?? store.today(), days) }),
      filterByTrainer: (trainerId: string | null) => change({ trainerId }),
      onlyAvailable: (available: boolean) => change({ available }),
      clearFilters: () => change({ trainerId: null, available: false, q: '' }),

      /** What the search box says, applied once typing pauses. */
      search: rxMethod<string>(
        pipe(
          map((text) => text.trim()),
          debounceTime(SEARCH_DEBOUNCE_MS),
          tap((q) => {
            if (q !== store.filters().q) void change({ q });
          }),
        ),
      ),

      /**
       * The page shows again (Back from a class page): what the member did there (held, booked, cancelled) shows on
       * the cards too, from the first page on. The list stays on screen meanwhile; the first showing is `onInit`'s load.
       */
      shownAgain(): void {
        if (shownBefore) store.load(store.query());
        shownBefore = true;
      },

      /** Shows a session as it is now (after a booking attempt) where it is on the list. */
      replaceSession(session: Session): void {
        patchState(store, { sessions: store.sessions().map((s) => (s.id === session.id ? session : s)) });
      },
    };
  }),
  withHooks((store, auth = inject(AuthStore)) => ({
    onInit() {
      store.load(store.query);
      // The API answers `me` and `actions` for whoever asks, and this store outlives the page (it is the route's):
      // once someone else asks (signed in or out), ask again.
      let viewer = auth.user()?.id ?? null;
      effect(() => {
        const now = auth.user()?.id ?? null;
        if (now === viewer) return;
        viewer = now;
        // From the first page: `reload` would keep only the last page a "Load more" appended.
        untracked(() => store.load(store.query()));
      });
    },
  })),
);
