import { computed, inject } from '@angular/core';
import type { ListUsersQuery, Role, User } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { debounceTime, distinctUntilChanged, firstValueFrom, map, pipe, tap } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { describeProblem, toProblem } from '../../../core/api/problem';
import { withPagedLoading } from '../../../core/api/with-paged-loading';
import { ToastService } from '../../../core/ui/toast.service';

export const SEARCH_DEBOUNCE_MS = 300;

interface UsersState {
  q: string;
  role: Role | null;
  pageSize: number;
  /** Rows whose role change is on its way. */
  saving: string[];
}

const initialState: UsersState = { q: '', role: null, pageSize: 20, saving: [] };

/** The list's query but its page, which the paged loading adds. */
type UsersQuery = Omit<ListUsersQuery, 'page'>;

const roleNames: Record<Role, string> = { member: 'a member', trainer: 'a trainer', admin: 'an admin' };

/** The admin's list of users: search, filter, page, change a role. Provided at the route. */
export const UsersStore = signalStore(
  withState(initialState),
  withPagedLoading({
    collection: 'users',
    fetcher: () => {
      const api = inject(ApiClient);
      return (query: UsersQuery, page: number) => api.listUsers({ page, ...query });
    },
    keepItemsOnError: true,
  }),
  withComputed(({ q, role, pageSize }) => ({
    /** A change loads page 1 again. */
    query: computed<UsersQuery>(() => ({
      pageSize: pageSize(),
      ...(q() ? { q: q() } : {}),
      ...(role() ? { role: role() as Role } : {}),
    })),
  })),
  withMethods((store, api = inject(ApiClient), toast = inject(ToastService)) => ({
    /** What the search box says, applied once typing pauses. */
    search: rxMethod<string>(
      pipe(
        map((text) => text.trim()),
        debounceTime(SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
        tap((q) => patchState(store, { q })),
      ),
    ),

    filterByRole(role: Role | null): void {
      patchState(store, { role });
    },

    /** The paginator's choice; another page size starts again from page 1. */
    showPage(page: number, pageSize: number): void {
      if (pageSize === store.pageSize()) store.loadPage(page);
      else patchState(store, { pageSize });
    },

    isSaving(id: string): boolean {
      return store.saving().includes(id);
    },

    /** True when the API took the change. */
    async changeRole(user: User, role: Role): Promise<boolean> {
      if (user.role === role) return true;
      patchState(store, { saving: [...store.saving(), user.id] });
      try {
        const updated = await firstValueFrom(api.changeUserRole(user.id, role));
        patchState(store, { users: store.users().map((u) => (u.id === updated.id ? { ...u, ...updated } : u)) });
        toast.success(`${updated.name} is now ${roleNames[updated.role]}.`);
        return true;
      } catch (error) {
        toast.error(`Could not change ${user.name}'s role. ${describeProblem(toProblem(error))}`);
        return false;
      } finally {
        patchState(store, { saving: store.saving().filter((id) => id !== user.id) });
      }
    },
  })),
  withHooks({
    onInit(store) {
      store.load(store.query);
    },
  }),
);
