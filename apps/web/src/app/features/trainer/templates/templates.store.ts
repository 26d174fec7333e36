import { computed, inject } from '@angular/core';
import type { CreateTemplateRequest, ListTemplatesQuery, Template, UpdateTemplateRequest } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import { firstValueFrom } from 'rxjs';
import { SchedulingApi } from '../../../core/api/scheduling-api';
import { describeProblem, toProblem } from '../../../core/api/problem';
import { withPagedLoading } from '../../../core/api/with-paged-loading';
import { AuthStore } from '../../../core/auth/auth.store';
import { placeFieldErrors } from '../../../core/forms/form-errors';
import { StudioStore } from '../../../core/studio/studio.store';
import { instantAt, type DateKey, type TimeOfDay, type WeekdayName } from '../../../core/time/studio-time';
import { ToastService } from '../../../core/ui/toast.service';
import { saved, type SaveResult } from '../trainer-results';
import { withTrainers } from '../../../shared/sessions/with-trainers';

export const TEMPLATES_PAGE_SIZE = 50;

/** The template form's fields, named as the API names them so its field errors land in place. */
export const TEMPLATE_FIELDS = ['name', 'description', 'durationMinutes', 'capacity', 'creditCost', 'trainerId'] as const;
export const SCHEDULE_FIELDS = ['date', 'time', 'weekdays', 'until'] as const;

export interface TemplateInput {
  name: string;
  description: string;
  durationMinutes: number;
  capacity: number;
  creditCost: number;
  /** An admin's choice when creating; ignored otherwise. */
  trainerId: string | null;
}

export interface ScheduleInput {
  date: DateKey;
  time: TimeOfDay;
  /** A weekly series; absent for one session. */
  repeat?: { weekdays: WeekdayName[]; until: DateKey };
}

interface TemplatesState {
  /** An admin's trainer filter (null: every trainer's). A trainer always sees their own. */
  trainerId: string | null;
  /** Templates being deleted. */
  deleting: string[];
}

/** The list's query but its page, which the paged loading adds. */
type TemplatesQuery = Pick<ListTemplatesQuery, 'trainerId'>;

/** A trainer's class templates (an admin's: anyone's): list, create, edit, delete, schedule. Provided at the route. */
export const TemplatesStore = signalStore(
  withTrainers(),
  withPagedLoading({
    collection: 'templates',
    fetcher: () => {
      const api = inject(SchedulingApi);
      return (query: TemplatesQuery, page: number) => api.listTemplates({ page, pageSize: TEMPLATES_PAGE_SIZE, ...query });
    },
    keepItemsOnError: true,
  }),
  withState<TemplatesState>({ trainerId: null, deleting: [] }),
  withComputed(({ trainerId }, auth = inject(AuthStore)) => ({
    isAdmin: auth.isAdmin,
    /** A change loads page 1 again. */
    query: computed<TemplatesQuery>(() => (auth.isAdmin() && trainerId() ? { trainerId: trainerId() as string } : {})),
  })),
  withMethods(
    (store, api = inject(SchedulingApi), toast = inject(ToastService), studio = inject(StudioStore)) => {
      const failure = (error: unknown, fields: readonly string[], aliases: Record<string, string> = {}): SaveResult => {
        const problem = toProblem(error);
        return { ok: false, ...placeFieldErrors(problem, fields, aliases) };
      };

      return {
        filterByTrainer(trainerId: string | null): void {
          patchState(store, { trainerId });
        },

        showPage(page: number): void {
          store.loadPage(page);
        },

        /** Creates a template, or replaces an existing one's details. */
        async save(input: TemplateInput, existing?: Template): Promise<SaveResult> {
          const details: UpdateTemplateRequest = {
            name: input.name.trim(),
            description: input.description.trim(),
            durationMinutes: input.durationMinutes,
            capacity: input.capacity,
            creditCost: input.creditCost,
          };
          try {
            if (existing) {
              const updated = await firstValueFrom(api.updateTemplate(existing.id, details));
              patchState(store, { templates: store.templates().map((t) => (t.id === updated.id ? updated : t)) });
              void toast.success(`${updated.name} saved.`);
            } else {
              const body: CreateTemplateRequest = {
                ...details,
                ...(store.isAdmin() && input.trainerId ? { trainerId: input.trainerId } : {}),
              };
              await firstValueFrom(api.createTemplate(body));
              void toast.success(`${body.name} created.`);
              // A new template may land anywhere in the list: the page shown is loaded again.
              await store.reload();
            }
            return saved;
          } catch (error) {
            return failure(error, TEMPLATE_FIELDS);
          }
        },

        isDeleting(id: string): boolean {
          return store.deleting().includes(id);
        },

        async remove(template: Template): Promise<boolean> {
          patchState(store, { deleting: [...store.deleting(), template.id] });
          try {
            await firstValueFrom(api.deleteTemplate(template.id));
            patchState(store, {
              templates: store.templates().filter((t) => t.id !== template.id),
              total: Math.max(0, store.total() - 1),
            });
            void toast.success(`${template.name} deleted.`);
            return true;
          } catch (error) {
            void toast.error(`Could not delete ${template.name}. ${describeProblem(toProblem(error))}`);
            return false;
          } finally {
            patchState(store, { deleting: store.deleting().filter((id) => id !== template.id) });
          }
        },

        /**
         * Puts one draft session, or a weekly series of drafts, on the schedule from a template. The date and time
         * are the studio's wall clock, whatever the browser's zone. Says how many were created.
         */
        async schedule(template: Template, input: ScheduleInput): Promise<SaveResult & { count?: number }> {
          const startsAt = instantAt(input.date, input.time, studio.timeZone()).toISOString();
          try {
            const created = await firstValueFrom(
              api.createSessions({ templateId: template.id, startsAt, ...(input.repeat ? { repeat: input.repeat } : {}) }),
            );
            const count = created.ids.length;
            void toast.success(
              count === 1
                ? `Scheduled 1 ${template.name} class as a draft. Publish it in My classes.`
                : `Scheduled ${count} ${template.name} classes as drafts. Publish them in My classes.`,
            );
            return { ok: true, count };
          } catch (error) {
            return failure(error, SCHEDULE_FIELDS, {
              startsAt: 'time',
              endsAt: 'time',
              'repeat.weekdays': 'weekdays',
              'repeat.until': 'until',
              repeat: 'until',
            });
          }
        },
      };
    },
  ),
  withHooks({
    onInit(store) {
      store.load(store.query);
      if (store.isAdmin()) void store.loadTrainers();
    },
  }),
);
