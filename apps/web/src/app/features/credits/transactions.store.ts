import { inject } from '@angular/core';
import { signalStore, withHooks } from '@ngrx/signals';
import { withPagedLoading } from '../../core/api/with-paged-loading';
import { CreditsApi } from '../../core/credits/credits-api';

export const TRANSACTIONS_PAGE_SIZE = 20;

/** The member's credit history, newest first, one numbered page at a time. Provided at the route. */
export const TransactionsStore = signalStore(
  withPagedLoading({
    collection: 'transactions',
    fetcher: () => {
      const api = inject(CreditsApi);
      return (pageSize: number, page: number) => api.myTransactions({ page, pageSize });
    },
    keepItemsOnError: true,
  }),
  withHooks({
    onInit(store) {
      store.load(TRANSACTIONS_PAGE_SIZE);
    },
  }),
);
