import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { PageOf } from '@fitflow/api-contract';
import { signalStore } from '@ngrx/signals';
import { Subject } from 'rxjs';
import { ToastService } from '../ui/toast.service';
import { type PagedLoadingConfig, withPagedLoading } from './with-paged-loading';

interface Row {
  id: string;
}

/** One request the store made, answered by the test. */
interface Asked {
  request: string;
  page: number;
  answer: Subject<PageOf<Row>>;
}

const PAGE_SIZE = 2;
const OFFLINE = 'We could not reach FitFlow. Check your connection and try again.';
const rows = (...ids: string[]): Row[] => ids.map((id) => ({ id }));

function setup(options: Pick<PagedLoadingConfig<'rows', string, Row>, 'keepItemsOnError' | 'nextPage' | 'loadMoreErrors'> = {}) {
  const asked: Asked[] = [];
  const toast = { success: vi.fn(), error: vi.fn() };
  const RowsStore = signalStore(
    withPagedLoading({
      collection: 'rows',
      fetcher: () => (request: string, page: number) => {
        const answer = new Subject<PageOf<Row>>();
        asked.push({ request, page, answer });
        return answer;
      },
      ...options,
    }),
  );
  TestBed.configureTestingModule({ providers: [RowsStore, { provide: ToastService, useValue: toast }] });
  return { store: TestBed.inject(RowsStore), asked, toast };
}

function answer({ answer, page }: Asked, items: Row[], total: number): void {
  answer.next({ items, page, pageSize: PAGE_SIZE, total });
  answer.complete();
}

function fail({ answer }: Asked): void {
  answer.error(new HttpErrorResponse({ status: 0 }));
}

/** The request the store made last, which the test expects to be there. */
function last(asked: Asked[]): Asked {
  const request = asked.at(-1);
  if (!request) throw new Error('No request was made');
  return request;
}

describe('withPagedLoading', () => {
  it('loads page 1 of the request and shows its items under the name the store gives them', () => {
    const { store, asked } = setup();
    store.load('yoga');
    expect(asked.map(({ request, page }) => [request, page])).toEqual([['yoga', 1]]);
    expect(store.loading()).toBe(true);

    answer(last(asked), rows('a', 'b'), 3);
    expect(store.rows()).toEqual(rows('a', 'b'));
    expect(store.total()).toBe(3);
    expect(store.loading()).toBe(false);
    expect(store.hasMore()).toBe(true);
  });

  it('loads again when the request changes, and drops the answer to the older one', () => {
    const { store, asked } = setup();
    const request = signal('yoga');
    TestBed.runInInjectionContext(() => store.load(request));
    TestBed.tick();
    const older = last(asked);

    request.set('spin');
    TestBed.tick();
    expect(older.answer.observed).toBe(false);
    answer(last(asked), rows('s'), 1);
    answer(older, rows('y'), 1);
    expect(asked.map((a) => a.request)).toEqual(['yoga', 'spin']);
    expect(store.rows()).toEqual(rows('s'));
  });

  it('loads nothing for a null request, and drops what was on its way', () => {
    const { store, asked } = setup();
    store.load('yoga');
    store.load(null);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.answer.observed).toBe(false);
    expect(store.loading()).toBe(true);
  });

  it('empties the list and says why when a load fails, and clears the error on the next load', () => {
    const { store, asked } = setup();
    store.load('yoga');
    answer(last(asked), rows('a', 'b'), 2);

    store.load('spin');
    fail(last(asked));
    expect(store.rows()).toEqual([]);
    expect(store.total()).toBe(0);
    expect(store.error()).toBe(OFFLINE);
    expect(store.loading()).toBe(false);

    store.load('yoga');
    expect(store.error()).toBeNull();
  });

  it('keeps the page shown before under the error when asked to', () => {
    const { store, asked } = setup({ keepItemsOnError: true });
    store.load('yoga');
    answer(last(asked), rows('a', 'b'), 5);
    store.loadPage(2);
    fail(last(asked));
    expect(store.rows()).toEqual(rows('a', 'b'));
    expect(store.total()).toBe(5);
    expect(store.error()).toBe(OFFLINE);
  });

  it('retries a failed load in place, the same request and page', async () => {
    const { store, asked } = setup();
    store.load('yoga');
    fail(last(asked));
    const retried = store.retry();
    expect(store.error()).toBeNull();
    expect(store.loading()).toBe(true);
    expect(last(asked)).toMatchObject({ request: 'yoga', page: 1 });
    answer(last(asked), rows('a'), 1);
    await retried;
    expect(store.rows()).toEqual(rows('a'));
  });

  describe('numbered pages', () => {
    it('shows another page in place of the one shown, the latest choice winning', () => {
      const { store, asked } = setup();
      store.load('yoga');
      answer(last(asked), rows('a', 'b'), 6);

      store.loadPage(2);
      const second = last(asked);
      store.loadPage(3);
      expect(second.answer.observed).toBe(false);
      expect(store.page()).toBe(3);
      expect(store.loading()).toBe(true);
      answer(last(asked), rows('e', 'f'), 6);
      expect(asked.map(({ request, page }) => [request, page])).toEqual([
        ['yoga', 1],
        ['yoga', 2],
        ['yoga', 3],
      ]);
      expect(store.rows()).toEqual(rows('e', 'f'));
    });

    it('does not load the page shown again', () => {
      const { store, asked } = setup();
      store.load('yoga');
      answer(last(asked), rows('a', 'b'), 6);
      store.loadPage(1);
      expect(asked).toHaveLength(1);
    });

    it('starts again from page 1 when the request changes', () => {
      const { store, asked } = setup();
      store.load('yoga');
      answer(last(asked), rows('a', 'b'), 6);
      store.loadPage(3);
      answer(last(asked), rows('e', 'f'), 6);

      store.load('spin');
      expect(store.page()).toBe(1);
      expect(last(asked)).toMatchObject({ request: 'spin', page: 1 });
    });

    it('reloads the page shown and settles once it is there', async () => {
      const { store, asked } = setup();
      store.load('yoga');
      answer(last(asked), rows('a', 'b'), 6);
      store.loadPage(2);
      answer(last(asked), rows('c', 'd'), 6);

      let settled = false;
      const reloaded = store.reload().then(() => (settled = true));
      expect(last(asked)).toMatchObject({ request: 'yoga', page: 2 });
      await Promise.resolve();
      expect(settled).toBe(false);
      answer(last(asked), rows('c', 'x'), 7);
      await reloaded;
      expect(store.rows()).toEqual(rows('c', 'x'));
      expect(store.total()).toBe(7);
    });

    it('settles a reload that a newer load replaced', async () => {
      const { store, asked } = setup();
      store.load('yoga');
      answer(last(asked), rows('a', 'b'), 6);
      const reloaded = store.reload();
      store.load('spin');
      await reloaded;
      expect(store.loading()).toBe(true);
    });
  });

  describe('"Load more"', () => {
    it('appends the next page, leaving out what is already shown', async () => {
      const { store, asked } = setup();
      store.load('yoga');
      answer(last(asked), rows('a', 'b'), 5);

      const more = store.loadMore();
      expect(last(asked)).toMatchObject({ request: 'yoga', page: 2 });
      expect(store.loadingMore()).toBe(true);
      // 'b' moved onto page 2 since page 1 was loaded.
      answer(last(asked), rows('b', 'c'), 5);
      await more;
      expect(store.rows()).toEqual(rows('a', 'b', 'c'));
      expect(store.page()).toBe(2);
      expect(store.loadingMore()).toBe(false);
      expect(store.hasMore()).toBe(true);
    });

    it('asks once while a page is on its way, and not while the list loads or once everything is shown', async () => {
      const { store, asked } = setup();
      store.load('yoga');
      void store.loadMore();
      expect(asked).toHaveLength(1);

      answer(last(asked), rows('a', 'b'), 3);
      const more = store.loadMore();
      void store.loadMore();
      expect(asked).toHaveLength(2);
      answer(last(asked), rows('c'), 3);
      await more;

      await store.loadMore();
      expect(asked).toHaveLength(2);
      expect(store.hasMore()).toBe(false);
    });

    it('asks for the page that nextPage names', async () => {
      const { store, asked } = setup({ nextPage: (shown, lastLoaded) => shown * 10 + lastLoaded });
      store.load('yoga');
      answer(last(asked), rows('a', 'b'), 30);
      void store.loadMore();
      expect(last(asked).page).toBe(21);
    });

    it('drops an answer for a request that changed meanwhile, and does not end a newer "Load more"', async () => {
      const { store, asked } = setup();
      store.load('yoga');
      answer(last(asked), rows('a', 'b'), 4);
      const stale = store.loadMore();
      const staleRequest = last(asked);

      store.load('spin');
      answer(last(asked), rows('s', 't'), 4);
      const current = store.loadMore();
      answer(staleRequest, rows('c', 'd'), 4);
      await stale;
      expect(store.rows()).toEqual(rows('s', 't'));
      expect(store.loadingMore()).toBe(true);
      expect(store.page()).toBe(1);

      answer(last(asked), rows('u', 'v'), 4);
      await current;
      expect(store.rows()).toEqual(rows('s', 't', 'u', 'v'));
      expect(store.loadingMore()).toBe(false);
    });

    it('does not tell of a failure for a request that changed meanwhile', async () => {
      const { store, asked } = setup();
      store.load('yoga');
      answer(last(asked), rows('a', 'b'), 4);
      const stale = store.loadMore();
      const staleRequest = last(asked);
      store.load('spin');
      fail(staleRequest);
      await stale;
      expect(store.error()).toBeNull();
    });

    it('keeps what is shown and says why in the list when a page fails', async () => {
      const { store, asked, toast } = setup();
      store.load('yoga');
      answer(last(asked), rows('a', 'b'), 4);
      const more = store.loadMore();
      fail(last(asked));
      await more;
      expect(store.rows()).toEqual(rows('a', 'b'));
      expect(store.error()).toBe(OFFLINE);
      expect(store.loadingMore()).toBe(false);
      expect(toast.error).not.toHaveBeenCalled();
    });

    it('retries a failed "Load more" as one, keeping what is shown', async () => {
      const { store, asked } = setup();
      store.load('yoga');
      answer(last(asked), rows('a', 'b'), 4);
      const more = store.loadMore();
      fail(last(asked));
      await more;

      const retried = store.retry();
      expect(store.error()).toBeNull();
      expect(last(asked)).toMatchObject({ request: 'yoga', page: 2 });
      answer(last(asked), rows('c', 'd'), 4);
      await retried;
      expect(store.rows()).toEqual(rows('a', 'b', 'c', 'd'));
    });

    it('says why as a toast when asked to', async () => {
      const { store, asked, toast } = setup({ loadMoreErrors: 'toast' });
      store.load('yoga');
      answer(last(asked), rows('a', 'b'), 4);
      const more = store.loadMore();
      fail(last(asked));
      await more;
      expect(toast.error).toHaveBeenCalledWith(OFFLINE);
      expect(store.error()).toBeNull();
      expect(store.rows()).toEqual(rows('a', 'b'));
    });
  });
});
