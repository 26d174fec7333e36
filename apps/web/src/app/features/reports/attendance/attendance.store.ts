import { computed, inject } from '@angular/core';
import { Router, type Params } from '@angular/router';
import type { AttendanceReportQuery, AttendanceRow } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, EMPTY, pipe, switchMap, tap } from 'rxjs';
import { describeProblem, toProblem } from '../../../core/api/problem';
import { AuthStore } from '../../../core/auth/auth.store';
import { StudioStore } from '../../../core/studio/studio.store';
import { CLOCK, dateKeyOf, daysRange, type DateKey, formatShortDay } from '../../../core/time/studio-time';
import { withTrainers } from '../../../shared/sessions/with-trainers';
import { attendanceCsv, attendanceCsvFileName } from './attendance-csv';
import {
  type AttendanceFilters,
  dayCount,
  daysOf,
  defaultFilters,
  filtersFromParams,
  MAX_REPORT_DAYS,
  paramsFromFilters,
} from './attendance-filters';
import { attendanceLines, classSeries } from './attendance-lines';
import { ReportsApi } from './reports-api';

const ATTENDANCE_PATH = '/reports/attendance';

interface AttendanceState {
  /** What the URL says; the one source of the filters. */
  filters: AttendanceFilters;
  rows: AttendanceRow[];
  /** A request is on its way. */
  fetching: boolean;
  error: string | null;
  /** Counts the Retry presses: each asks the API again for the same query. */
  attempt: number;
}

/**
 * The attendance report: a trainer's own classes (an admin's: everyone's, or one trainer's) over a range of studio
 * days kept in the URL, as table rows, chart series and CSV. Provided at the route.
 */
export const AttendanceStore = signalStore(
  withTrainers(),
  withState<AttendanceState>({ filters: defaultFilters, rows: [], fetching: false, error: null, attempt: 0 }),
  withComputed(({ filters, rows, fetching }, studio = inject(StudioStore), auth = inject(AuthStore), clock = inject(CLOCK)) => {
    const now = clock();
    const timeZone = studio.timeZone;
    const isAdmin = auth.isAdmin;
    const days = computed(() => daysOf(filters(), dateKeyOf(now, timeZone())));
    const tooLong = computed(() => dayCount(days()) > MAX_REPORT_DAYS);
    const lines = computed(() => attendanceLines(rows(), timeZone()));
    return {
      timeZone,
      isAdmin,
      days,
      /** "2 Nov – 29 Nov 2026". */
      rangeLabel: computed(() => rangeLabel(days().first, days().last)),
      rangeProblem: computed(() => (tooLong() ? `Choose at most ${MAX_REPORT_DAYS} days.` : null)),
      /** The API query, or null while the studio's zone is not known yet (days in UTC would be the wrong days). */
      query: computed<AttendanceReportQuery | null>(() => {
        if (!studio.settled() || tooLong()) return null;
        const range = daysRange(days().first, days().last, timeZone());
        const trainerId = isAdmin() ? filters().trainerId : null;
        return { from: range.from.toISOString(), to: range.to.toISOString(), ...(trainerId ? { trainerId } : {}) };
      }),
      /** Waiting for the report, or for the studio's zone before asking for it. */
      loading: computed(() => fetching() || (!studio.settled() && !tooLong())),
      lines,
      series: computed(() => classSeries(lines(), days().first)),
      csv: computed(() => ({
        text: attendanceCsv(lines(), { withTrainer: isAdmin() }),
        fileName: attendanceCsvFileName(days().first, days().last),
      })),
    };
  }),
  withMethods((store, api = inject(ReportsApi), router = inject(Router)) => {
    const change = (patch: Partial<AttendanceFilters>): Promise<boolean> =>
      router.navigate([ATTENDANCE_PATH], { queryParams: paramsFromFilters({ ...store.filters(), ...patch }) });

    return {
      /** Takes the filters from the URL's query parameters (on arrival, on every change, on Back). */
      followUrl: rxMethod<Params>(
        tap((params) => {
          const filters = filtersFromParams(params);
          if (JSON.stringify(filters) !== JSON.stringify(store.filters())) patchState(store, { filters });
        }),
      ),

      /** From `first` to `last`, both studio days included. */
      showDays: (first: DateKey, last: DateKey) => change({ from: first, to: last }),
      filterByTrainer: (trainerId: string | null) => change({ trainerId }),
      retry(): void {
        patchState(store, { attempt: store.attempt() + 1 });
      },

      /** Loads the report whenever the query changes or Retry is pressed; the latest request wins. */
      _load: rxMethod<{ query: AttendanceReportQuery | null; attempt: number }>(
        pipe(
          switchMap(({ query }) => {
            if (!query) {
              patchState(store, { rows: [], fetching: false, error: null });
              return EMPTY;
            }
            patchState(store, { fetching: true, error: null });
            return api.attendance(query).pipe(
              tap((rows) => patchState(store, { rows, fetching: false })),
              catchError((error: unknown) => {
                patchState(store, { rows: [], fetching: false, error: describeProblem(toProblem(error)) });
                return EMPTY;
              }),
            );
          }),
        ),
      ),
    };
  }),
  withHooks((store) => ({
    onInit() {
      store._load(computed(() => ({ query: store.query(), attempt: store.attempt() })));
      if (store.isAdmin()) void store.loadTrainers();
    },
  })),
);

/** "2 Nov – 29 Nov 2026", or "2 Dec 2026 – 3 Jan 2027" across a new year. */
function rangeLabel(first: DateKey, last: DateKey): string {
  const year = (date: DateKey) => date.slice(0, 4);
  if (year(first) === year(last)) return `${formatShortDay(first)} – ${formatShortDay(last)} ${year(last)}`;
  return `${formatShortDay(first)} ${year(first)} – ${formatShortDay(last)} ${year(last)}`;
}
