import { computed, inject } from '@angular/core';
import type { Session, UpdateSessionRequest } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import { firstValueFrom } from 'rxjs';
import { SchedulingApi } from '../../../core/api/scheduling-api';
import { type ApiProblem, describeProblem, toProblem } from '../../../core/api/problem';
import { withPagedLoading } from '../../../core/api/with-paged-loading';
import { AuthStore } from '../../../core/auth/auth.store';
import { placeFieldErrors } from '../../../core/forms/form-errors';
import { StudioStore } from '../../../core/studio/studio.store';
import { CLOCK, dateKeyOf, formatDay, timeOfDayOf } from '../../../core/time/studio-time';
import { ToastService } from '../../../core/ui/toast.service';
import { groupByStudioDay } from '../../../shared/sessions/session-labels';
import { saved, type SaveResult } from '../trainer-results';
import { withTrainers } from '../../../shared/sessions/with-trainers';

export const MY_CLASSES_PAGE_SIZE = 20;
export const SESSION_FIELDS = ['date', 'time', 'durationMinutes', 'capacity', 'reason'] as const;
/** The API's names for what the session forms call otherwise. */
const SESSION_ALIASES: Record<string, string> = { startsAt: 'time', endsAt: 'durationMinutes' };
/** Answers that say the session changed under the trainer's feet: told as a toast, not in the form. */
const CONFLICTS = new Set(['INVALID_STATE', 'CAPACITY_BELOW_BOOKED']);

interface TrainerSessionsState {
  /** An admin's trainer filter (null: every trainer). A trainer always sees their own. */
  trainerId: string | null;
  /** Sessions with an action on its way. */
  busy: string[];
}

/**
 * "My classes": the trainer's upcoming sessions, drafts included (an admin's: anyone's, with a trainer filter),
 * and what a trainer does with them: publish, move or resize, cancel. Provided at the route.
 */
export const TrainerSessionsStore = signalStore(
  withTrainers(),
  withPagedLoading({
    collection: 'sessions',
    fetcher: () => {
      const api = inject(SchedulingApi);
      const clock = inject(CLOCK);
      /** Upcoming: from now on, whatever time a page is loaded. */
      return ({ trainerId }: { trainerId: string | null }, page: number) =>
        api.listSessions({
          from: clock().toISOString(),
          ...(trainerId ? { trainerId } : {}),
          page,
          pageSize: MY_CLASSES_PAGE_SIZE,
        });
    },
    loadMoreErrors: 'toast',
  }),
  withState<TrainerSessionsState>({ trainerId: null, busy: [] }),
  withComputed(({ trainerId, sessions }, auth = inject(AuthStore), studio = inject(StudioStore)) => ({
    isAdmin: auth.isAdmin,
    timeZone: studio.timeZone,
    /** Whose sessions: the admin's choice, or the trainer themself. */
    shownTrainerId: computed(() => (auth.isAdmin() ? trainerId() : (auth.user()?.id ?? null))),
    groups: computed(() => groupByStudioDay(sessions(), studio.timeZone())),
  })),
  withMethods(
    (store, api = inject(SchedulingApi), toast = inject(ToastService)) => {
      const describe = (session: Session): string =>
        `${session.name} on ${formatDay(dateKeyOf(session.startsAt, store.timeZone()))} at ${timeOfDayOf(session.startsAt, store.timeZone())}`;
      const replace = (updated: Session): void =>
        patchState(store, { sessions: store.sessions().map((s) => (s.id === updated.id ? updated : s)) });
      const setBusy = (id: string, busy: boolean): void =>
        patchState(store, { busy: busy ? [...store.busy(), id] : store.busy().filter((b) => b !== id) });
      /** A conflict is a toast and a fresh copy of the session; anything else goes back to the form. */
      const fail = async (session: Session, problem: ApiProblem): Promise<SaveResult> => {
        if (CONFLICTS.has(problem.code) || problem.status === 404) {
          void toast.error(describeProblem(problem));
          if (problem.code !== 'CAPACITY_BELOW_BOOKED') await refreshOne(session);
          return { ok: false, fieldErrors: {}, formError: null, close: problem.code !== 'CAPACITY_BELOW_BOOKED' };
        }
        return { ok: false, ...placeFieldErrors(problem, SESSION_FIELDS, SESSION_ALIASES) };
      };
      const refreshOne = async (session: Session): Promise<void> => {
        try {
          replace(await firstValueFrom(api.getSession(session.id)));
        } catch {
          patchState(store, { sessions: store.sessions().filter((s) => s.id !== session.id) });
        }
      };

      return {
        filterByTrainer(trainerId: string | null): void {
          patchState(store, { trainerId });
        },

        isBusy(id: string): boolean {
          return store.busy().includes(id);
        },

        /** Opens a draft for booking. */
        async publish(session: Session): Promise<boolean> {
          setBusy(session.id, true);
          try {
            const updated = await firstValueFrom(api.publishSession(session.id));
            replace(updated);
            void toast.success(`Published ${describe(updated)}.`);
            return true;
          } catch (error) {
            const problem = toProblem(error);
            void toast.error(`Could not publish ${session.name}. ${describeProblem(problem)}`);
            if (CONFLICTS.has(problem.code)) await refreshOne(session);
            return false;
          } finally {
            setBusy(session.id, false);
          }
        },

        /** Moves and/or resizes a session; only what changed is sent. */
        async update(session: Session, changes: UpdateSessionRequest): Promise<SaveResult> {
          if (Object.keys(changes).length === 0) return saved;
          setBusy(session.id, true);
          try {
            const updated = await firstValueFrom(api.updateSession(session.id, changes));
            replace(updated);
            void toast.success(`Saved ${describe(updated)}.`);
            return saved;
          } catch (error) {
            return await fail(session, toProblem(error));
          } finally {
            setBusy(session.id, false);
          }
        },

        /** Cancels a session with the reason every booked member is told. */
        async cancel(session: Session, reason: string): Promise<SaveResult> {
          setBusy(session.id, true);
          try {
            const updated = await firstValueFrom(api.cancelSession(session.id, reason.trim()));
            replace(updated);
            void toast.success(`Cancelled ${describe(updated)}.`);
            return saved;
          } catch (error) {
            return await fail(session, toProblem(error));
          } finally {
            setBusy(session.id, false);
          }
        },
      };
    },
  ),
  withHooks({
    onInit(store) {
      store.load(() => ({ trainerId: store.shownTrainerId() }));
      if (store.isAdmin()) void store.loadTrainers();
    },
  }),
);
