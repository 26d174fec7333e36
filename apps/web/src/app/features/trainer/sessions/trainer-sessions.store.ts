import { computed, inject } from '@angular/core';
import type { RosterEntry, Session, UpdateSessionRequest } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import { firstValueFrom } from 'rxjs';
import { SchedulingApi } from '../../../core/api/scheduling-api';
import { type ApiProblem, describeProblem, toProblem } from '../../../core/api/problem';
import { withPagedLoading } from '../../../core/api/with-paged-loading';
import { AuthStore } from '../../../core/auth/auth.store';
import { placeFieldErrors } from '../../../core/forms/form-errors';
import { StudioStore } from '../../../core/studio/studio.store';
import { CLOCK } from '../../../core/time/studio-time';
import { ToastService } from '../../../core/ui/toast.service';
import { describeSession, groupByStudioDay } from '../../../shared/sessions/session-labels';
import { saved, type SaveResult } from '../trainer-results';
import { withTrainers } from '../../../shared/sessions/with-trainers';
import { DoorApi } from '../../door/door-api';
import { draftsInSeriesOf } from './draft-series';

export const MY_CLASSES_PAGE_SIZE = 20;
export const SESSION_FIELDS = ['date', 'time', 'durationMinutes', 'capacity', 'reason'] as const;
/** The API's names for what the session forms call otherwise. */
const SESSION_ALIASES: Record<string, string> = { startsAt: 'time', endsAt: 'durationMinutes' };
/** Answers that say the session changed under the trainer's feet: told as a toast, not in the form. */
const CONFLICTS = new Set(['INVALID_STATE', 'CAPACITY_BELOW_BOOKED']);

/** Who booked one class, fetched when the trainer opens its list: `entries` is null until the first answer. */
export interface ClassRoster {
  entries: RosterEntry[] | null;
  loading: boolean;
  error: string | null;
}

const UNFETCHED: ClassRoster = { entries: null, loading: false, error: null };

interface TrainerSessionsState {
  /** An admin's trainer filter (null: every trainer). A trainer always sees their own. */
  trainerId: string | null;
  /** Sessions with an action on its way. */
  busy: string[];
  /** Drafts ticked to be published together. */
  selected: string[];
  /** Whether the selected drafts are being published. */
  publishing: boolean;
  /** Classes whose booked list is open. */
  openRosters: string[];
  /** Who booked each class whose list has been opened, by session id. */
  rosters: Record<string, ClassRoster>;
}

/** Problems of a bulk publish that name the session that refused it in their detail ("Session <id>: ..."). */
const REFUSALS = new Set(['INVALID_STATE', 'NOT_FOUND', 'FORBIDDEN']);

/**
 * "My classes": the trainer's upcoming sessions, drafts included (an admin's: anyone's, with a trainer filter),
 * and what a trainer does with them: publish (one, or several drafts ticked together), move or resize, cancel a
 * published class, delete a draft; and who booked each class, fetched when its list is opened. Provided at the route.
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
    // Counted from what is shown: a deleted draft leaves the list and the rest move up (see my-bookings.store.ts).
    nextPage: (shown) => Math.floor(shown / MY_CLASSES_PAGE_SIZE) + 1,
  }),
  withState<TrainerSessionsState>({ trainerId: null, busy: [], selected: [], publishing: false, openRosters: [], rosters: {} }),
  withComputed(({ trainerId, sessions, selected }, auth = inject(AuthStore), studio = inject(StudioStore)) => {
    /** The selected sessions that are still drafts on the list (one published or gone meanwhile drops out). */
    const selectedDrafts = computed(() => sessions().filter((s) => s.status === 'draft' && selected().includes(s.id)));
    return {
      isAdmin: auth.isAdmin,
      timeZone: studio.timeZone,
      /** Whose sessions: the admin's choice, or the trainer themself. */
      shownTrainerId: computed(() => (auth.isAdmin() ? trainerId() : (auth.user()?.id ?? null))),
      groups: computed(() => groupByStudioDay(sessions(), studio.timeZone())),
      selectedDrafts,
      /** The drafts "Select the whole series" would add: the rest of the selected drafts' series on the list. */
      restOfSeries: computed(() =>
        draftsInSeriesOf(selectedDrafts(), sessions(), studio.timeZone()).filter((s) => !selected().includes(s.id)),
      ),
    };
  }),
  withMethods(
    (store, api = inject(SchedulingApi), door = inject(DoorApi), toast = inject(ToastService)) => {
      const describe = (session: Session): string => describeSession(session, store.timeZone());
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

      /** The refusal's detail, with the session it names ("Session <id>") told as the trainer knows it. */
      const describeRefusal = (problem: ApiProblem, among: Session[]): { text: string; refused: Session | null } => {
        if (!REFUSALS.has(problem.code) || !problem.detail) {
          return { text: `Nothing was published. ${describeProblem(problem)}`, refused: null };
        }
        const refused = among.find((s) => problem.detail.includes(`Session ${s.id}`)) ?? null;
        const text = refused ? problem.detail.replace(`Session ${refused.id}`, describe(refused)) : problem.detail;
        return { text, refused };
      };

      const rosterOf = (sessionId: string): ClassRoster => store.rosters()[sessionId] ?? UNFETCHED;
      const setRoster = (sessionId: string, changes: Partial<ClassRoster>): void =>
        patchState(store, { rosters: { ...store.rosters(), [sessionId]: { ...rosterOf(sessionId), ...changes } } });
      /** Asks who booked the class; a list fetched before stays shown meanwhile. */
      const loadRoster = async (sessionId: string): Promise<void> => {
        if (rosterOf(sessionId).loading) return;
        setRoster(sessionId, { loading: true, error: null });
        try {
          setRoster(sessionId, { entries: await firstValueFrom(door.roster(sessionId)), loading: false });
        } catch (error) {
          setRoster(sessionId, { loading: false, error: `Could not load who booked. ${describeProblem(toProblem(error))}` });
        }
      };

      const publishedMessage = (published: Session[]): string => {
        const [first] = published;
        if (published.length === 1 && first) return `Published ${describe(first)}.`;
        const names = new Set(published.map((s) => s.name));
        const what = names.size === 1 && first ? `${first.name} classes` : 'classes';
        return `Published ${published.length} ${what}.`;
      };

      return {
        filterByTrainer(trainerId: string | null): void {
          patchState(store, { trainerId, selected: [] });
        },

        isSelected(id: string): boolean {
          return store.selected().includes(id);
        },

        /** Ticks or unticks a draft for publishing together. */
        setSelected(session: Session, selected: boolean): void {
          const others = store.selected().filter((id) => id !== session.id);
          patchState(store, { selected: selected ? [...others, session.id] : others });
        },

        /** Adds every draft of the selected drafts' series on the list. */
        selectWholeSeries(): void {
          patchState(store, { selected: [...store.selected(), ...store.restOfSeries().map((s) => s.id)] });
        },

        clearSelection(): void {
          patchState(store, { selected: [] });
        },

        /**
         * Publishes the selected drafts in one request, all or none. On a refusal nothing is published: the toast
         * says which class refused and why, and that class is shown as it now is (the selection stays, so the
         * trainer can publish the rest).
         */
        async publishSelected(): Promise<boolean> {
          const chosen = store.selectedDrafts();
          if (chosen.length === 0 || store.publishing()) return false;
          patchState(store, { publishing: true });
          for (const session of chosen) setBusy(session.id, true);
          try {
            const { items } = await firstValueFrom(api.publishSessions(chosen.map((s) => s.id)));
            for (const updated of items) replace(updated);
            patchState(store, { selected: [] });
            void toast.success(publishedMessage(items));
            return true;
          } catch (error) {
            const { text, refused } = describeRefusal(toProblem(error), chosen);
            void toast.error(text);
            if (refused) await refreshOne(refused);
            return false;
          } finally {
            for (const session of chosen) setBusy(session.id, false);
            patchState(store, { publishing: false });
          }
        },

        /** Deletes a draft nobody has seen; it leaves the list. */
        async deleteDraft(session: Session): Promise<boolean> {
          setBusy(session.id, true);
          try {
            await firstValueFrom(api.deleteSession(session.id));
            patchState(store, {
              sessions: store.sessions().filter((s) => s.id !== session.id),
              total: Math.max(0, store.total() - 1),
              selected: store.selected().filter((id) => id !== session.id),
            });
            void toast.success(`Deleted the draft ${describe(session)}.`);
            return true;
          } catch (error) {
            const problem = toProblem(error);
            void toast.error(`Could not delete ${session.name}. ${describeProblem(problem)}`);
            if (CONFLICTS.has(problem.code) || problem.status === 404) await refreshOne(session);
            return false;
          } finally {
            setBusy(session.id, false);
          }
        },

        isRosterOpen(sessionId: string): boolean {
          return store.openRosters().includes(sessionId);
        },

        rosterOf,

        /** Opens a class's booked list, asking afresh who booked it (bookings come and go), or closes it. */
        async toggleRoster(session: Session): Promise<void> {
          const open = store.openRosters();
          if (open.includes(session.id)) {
            patchState(store, { openRosters: open.filter((id) => id !== session.id) });
            return;
          }
          patchState(store, { openRosters: [...open, session.id] });
          await loadRoster(session.id);
        },

        /** The booked list's Retry. */
        loadRoster,

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
