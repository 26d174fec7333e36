import { computed, inject } from '@angular/core';
import type { ListUsersQuery, Role, User } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { debounceTime, distinctUntilChanged, firstValueFrom, map, pipe, tap } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { describeProblem, toProblem } from '../../../core/api/problem';
import { withPagedLoading } from '../../../core/api/with-paged-loading';
import { ToastService } from '../../../core/ui/toast.service';
import { roleNames } from './role-change';
import { UndoToast } from './undo-toast';

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
  withMethods((store, api = inject(ApiClient), toast = inject(ToastService), undoToast = inject(UndoToast)) => {
    /** Gives `user` the `role` through the API and shows the answer in the row; null when refused, saying why. */
    async function sendRole(user: Pick<User, 'id' | 'name'>, role: Role, refusal: string): Promise<User | null> {
      patchState(store, { saving: [...store.saving(), user.id] });
      try {
        const updated = await firstValueFrom(api.changeUserRole(user.id, role));
        patchState(store, { users: store.users().map((u) => (u.id === updated.id ? { ...u, ...updated } : u)) });
        return updated;
      } catch (error) {
        void toast.error(`${refusal} ${describeProblem(toProblem(error))}`);
        return null;
      } finally {
        patchState(store, { saving: store.saving().filter((id) => id !== user.id) });
      }
    }

    /** Says what changed, with an Undo that gives back the role the user had before. */
    async function offerUndo(updated: User, previous: Role): Promise<void> {
      if (!(await undoToast.offer(`${updated.name} is now ${roleNames[updated.role]}.`))) return;
      const restored = await sendRole(updated, previous, `Could not make ${updated.name} ${roleNames[previous]} again.`);
      if (restored) void toast.success(`${restored.name} is ${roleNames[restored.role]} again.`);
    }

    return {
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

      /** True while a role change (or its undoing) of this row is on its way. */
      isSaving(id: string): boolean {
        return store.saving().includes(id);
      },

      /** True when the API took the change; the toast that says so offers to undo it. */
      async changeRole(user: User, role: Role): Promise<boolean> {
        if (user.role === role) return true;
        const updated = await sendRole(user, role, `Could not change ${user.name}'s role.`);
        if (updated) void offerUndo(updated, user.role);
        return updated !== null;
      },
    };
  }),
  withHooks({
    onInit(store) {
      store.load(store.query);
    },
  }),
);
