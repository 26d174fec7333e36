import { computed, inject } from '@angular/core';
import type { ListUsersQuery, Role, User } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, debounceTime, distinctUntilChanged, EMPTY, firstValueFrom, map, pipe, switchMap, tap } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { describeProblem, toProblem } from '../../../core/api/problem';
import { ToastService } from '../../../core/ui/toast.service';

export const SEARCH_DEBOUNCE_MS = 300;

interface UsersState {
  q: string;
  role: Role | null;
  page: number;
  pageSize: number;
  users: User[];
  total: number;
  loading: boolean;
  error: string | null;
  /** Rows whose role change is on its way. */
  saving: string[];
}

const initialState: UsersState = {
  q: '',
  role: null,
  page: 1,
  pageSize: 20,
  users: [],
  total: 0,
  loading: false,
  error: null,
  saving: [],
};

const roleNames: Record<Role, string> = { member: 'a member', trainer: 'a trainer', admin: 'an admin' };

/** The admin's list of users: search, filter, page, change a role. Provided at the route. */
export const UsersStore = signalStore(
  withState(initialState),
  withComputed(({ q, role, page, pageSize }) => ({
    query: computed<ListUsersQuery>(() => ({
      page: page(),
      pageSize: pageSize(),
      ...(q() ? { q: q() } : {}),
      ...(role() ? { role: role() as Role } : {}),
    })),
  })),
  withMethods((store, api = inject(ApiClient), toast = inject(ToastService)) => ({
    /** Loads the page the query names, again whenever the query changes (latest wins). */
    load: rxMethod<ListUsersQuery>(
      pipe(
        tap(() => patchState(store, { loading: true, error: null })),
        switchMap((query) =>
          api.listUsers(query).pipe(
            tap((result) => patchState(store, { users: result.items, total: result.total, loading: false })),
            catchError((error: unknown) => {
              patchState(store, { loading: false, error: describeProblem(toProblem(error)) });
              return EMPTY;
            }),
          ),
        ),
      ),
    ),

    /** What the search box says, applied once typing pauses. */
    search: rxMethod<string>(
      pipe(
        map((text) => text.trim()),
        debounceTime(SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
        tap((q) => patchState(store, { q, page: 1 })),
      ),
    ),

    filterByRole(role: Role | null): void {
      patchState(store, { role, page: 1 });
    },

    showPage(page: number, pageSize: number): void {
      patchState(store, { page: pageSize === store.pageSize() ? page : 1, pageSize });
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
