import { computed, inject, type Signal } from '@angular/core';
import type { PageOf } from '@fitflow/api-contract';
import {
  type EmptyFeatureResult,
  patchState,
  type SignalStoreFeature,
  signalStoreFeature,
  withComputed,
  withMethods,
  withState,
} from '@ngrx/signals';
import { type RxMethod, rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, EMPTY, finalize, firstValueFrom, type Observable, pipe, switchMap, tap } from 'rxjs';
import { ToastService } from '../ui/toast.service';
import { describeProblem, toProblem } from './problem';

/** Asks the API for one page of the list that a request names. */
export type PageFetcher<Request, Item> = (request: Request, page: number) => Observable<PageOf<Item>>;

export interface PagedLoadingConfig<Collection extends string, Request, Item> {
  /** The state key of the items shown: `sessions`, `bookings`. */
  collection: Collection;
  /** Runs once in the store's injection context, so it may `inject()` the API; returns what fetches a page. */
  fetcher: () => PageFetcher<Request, Item>;
  /** Numbered pages: a failed load leaves the page shown before it under the error, instead of an empty list. */
  keepItemsOnError?: boolean;
  /** The page "Load more" asks for, from the number of items shown and the last page loaded; by default the next. */
  nextPage?: (shown: number, lastLoaded: number) => number;
  /** Where a failed "Load more" is told: in `error` (the list's alert, the default) or as a toast. */
  loadMoreErrors?: 'alert' | 'toast';
}

export interface PagingState {
  total: number;
  /** The last page loaded in place (numbered pages: the one shown) or appended by "Load more". */
  page: number;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
}

export type PagedState<Collection extends string, Item> = PagingState & { [K in Collection]: Item[] };

/** A type, not an interface: a store's methods must fit an index signature. */
export type PagedMethods<Request> = {
  /** Loads page 1 of the request, again whenever it changes; the latest request wins. `null`: nothing to load yet. */
  load: RxMethod<Request | null>;
  /** Shows another page of the current request in place of the one shown (numbered pages). */
  loadPage(page: number): void;
  /** Appends the page after the items shown, unless a load is under way or everything is shown. */
  loadMore(): Promise<void>;
  /** Loads what `load` or `loadPage` last loaded again; settles once it is shown or superseded. */
  reload(): Promise<void>;
  /** The Retry under `error`: asks again for what failed (the list in place, or the page "Load more" could not add). */
  retry(): Promise<void>;
};

export interface PagedResult<Collection extends string, Request, Item> {
  state: PagedState<Collection, Item>;
  props: { hasMore: Signal<boolean> };
  methods: PagedMethods<Request>;
}

/** A page to load in place of the items shown. */
interface InPlace<Request> {
  request: Request | null;
  page: number;
  settled?: () => void;
}

/**
 * A list that a store loads from the API page by page, for a request of the store's own (filters, a tab): the
 * items under the store's name for them, the total, loading flags and the error to show. Whatever changes the
 * request or the page in place makes every answer to an earlier one stale, and a stale answer is dropped.
 */
export function withPagedLoading<const Collection extends string, Request, Item extends { id: string }>(
  config: PagedLoadingConfig<Collection, Request, Item>,
  // Spelled as `SignalStoreFeature<...>`, not an alias of it: `signalStore()` infers a feature's type from its name.
): SignalStoreFeature<EmptyFeatureResult, PagedResult<Collection, Request, Item>> {
  // One literal key inside keeps the state's signals typed; the feature's type names the store's own key.
  const key = config.collection as string as 'items';
  const { keepItemsOnError = false, nextPage = (_shown: number, lastLoaded: number) => lastLoaded + 1 } = config;
  const feature = signalStoreFeature(
    withState<PagingState & { items: Item[] }>(() => ({
      [key]: [],
      total: 0,
      page: 1,
      loading: true,
      loadingMore: false,
      error: null,
    })),
    withComputed((store) => ({
      hasMore: computed(() => store[key]().length < store.total()),
    })),
    withMethods((store) => {
      const fetch = config.fetcher();
      const toast = config.loadMoreErrors === 'toast' ? inject(ToastService) : null;
      let current: Request | null = null;
      /** What the error shown is about: a "Load more" is retried as one, anything else by loading in place again. */
      let failedToAppend = false;
      /** Counts what replaced the list, so an answer can tell whether it is still wanted. */
      let generation = 0;

      const loadInPlace = rxMethod<InPlace<Request>>(
        pipe(
          tap(({ request, page }) => {
            current = request;
            generation += 1;
            failedToAppend = false;
            if (request !== null) patchState(store, { page, loading: true, loadingMore: false, error: null });
          }),
          switchMap(({ request, page, settled }) =>
            request === null
              ? EMPTY
              : fetch(request, page).pipe(
                  tap((result) => patchState(store, { [key]: result.items, total: result.total, loading: false })),
                  catchError((error: unknown) => {
                    const emptied = keepItemsOnError ? {} : { [key]: [], total: 0 };
                    patchState(store, { ...emptied, loading: false, error: describeProblem(toProblem(error)) });
                    return EMPTY;
                  }),
                  finalize(() => settled?.()),
                ),
          ),
        ),
      );
      const tellLoadMoreFailed = (error: unknown): void => {
        const message = describeProblem(toProblem(error));
        if (toast) void toast.error(message);
        else {
          failedToAppend = true;
          patchState(store, { error: message });
        }
      };

      const reload = (): Promise<void> => {
        const request = current;
        if (request === null) return Promise.resolve();
        return new Promise<void>((settled) => loadInPlace({ request, page: store.page(), settled }));
      };

      const loadMore = async (): Promise<void> => {
        const request = current;
        if (request === null || store.loading() || store.loadingMore() || !store.hasMore()) return;
        const startedIn = generation;
        const stale = (): boolean => generation !== startedIn;
        const page = nextPage(store[key]().length, store.page());
        patchState(store, { loadingMore: true });
        try {
          const result = await firstValueFrom(fetch(request, page));
          if (stale()) return;
          const shown = store[key]();
          const known = new Set(shown.map((item) => item.id));
          patchState(store, {
            [key]: [...shown, ...result.items.filter((item) => !known.has(item.id))],
            total: result.total,
            page,
          });
        } catch (error) {
          if (!stale()) tellLoadMoreFailed(error);
        } finally {
          if (!stale()) patchState(store, { loadingMore: false });
        }
      };

      return {
        load: rxMethod<Request | null>(tap((request) => loadInPlace({ request, page: 1 }))),

        loadPage(page: number): void {
          if (current === null || page === store.page()) return;
          loadInPlace({ request: current, page });
        },

        loadMore,
        reload,

        retry(): Promise<void> {
          if (!failedToAppend) return reload();
          failedToAppend = false;
          patchState(store, { error: null });
          return loadMore();
        },
      };
    }),
  );
  return feature as unknown as SignalStoreFeature<EmptyFeatureResult, PagedResult<Collection, Request, Item>>;
}
