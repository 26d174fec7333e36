import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Me } from '@fitflow/api-contract';
import { problem, tokenPair } from '../../../../testing/fixtures';
import { aSession, berlinStudio, pageOf, tess } from '../../../../testing/sessions';
import { AuthStore } from '../../../core/auth/auth.store';
import { CLOCK } from '../../../core/time/studio-time';
import { ToastService } from '../../../core/ui/toast.service';
import { anEntry } from '../../door/door-fixtures';
import { MY_CLASSES_PAGE_SIZE, TrainerSessionsStore } from './trainer-sessions.store';

const NOW = new Date('2026-11-25T10:00:00.000Z');
const TEMPLATE = '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d01';
const trainer: Me = { id: tess.id, email: 'tess@example.com', name: tess.name, role: 'trainer' };

async function setup(user: Me = trainer) {
  localStorage.clear();
  const toast = { success: vi.fn(), error: vi.fn() };
  TestBed.configureTestingModule({
    providers: [
      TrainerSessionsStore,
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: CLOCK, useValue: () => NOW },
      { provide: ToastService, useValue: toast },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const auth = TestBed.inject(AuthStore);
  const signedIn = auth.signIn({ email: user.email, password: 'correct horse battery' });
  http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
  await Promise.resolve();
  http.expectOne('/api/v1/me').flush(user);
  await signedIn;

  const store = TestBed.inject(TrainerSessionsStore);
  TestBed.tick();
  http.match('/api/v1/studio').forEach((request) => request.flush(berlinStudio));
  return { store, http, toast };
}

describe('TrainerSessionsStore', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it("lists the trainer's own upcoming classes, drafts included, from now on", async () => {
    const { store, http } = await setup();
    const request = http.expectOne((r) => r.url === '/api/v1/sessions');
    expect(request.request.params.get('trainerId')).toBe(tess.id);
    expect(request.request.params.get('from')).toBe(NOW.toISOString());
    request.flush(pageOf([aSession({ status: 'draft' })]));
    expect(store.sessions()[0]?.status).toBe('draft');
  });

  it("lets an admin see every trainer's classes, or one trainer's", async () => {
    const { store, http } = await setup({ ...trainer, id: '0b7e3a52-3c1c-4d6e-9a43-5a3f0c1d2e02', role: 'admin' });
    http.expectOne('/api/v1/trainers').flush([tess]);
    expect(http.expectOne((r) => r.url === '/api/v1/sessions').request.params.has('trainerId')).toBe(false);

    store.filterByTrainer(tess.id);
    TestBed.tick();
    expect(http.expectOne((r) => r.url === '/api/v1/sessions').request.params.get('trainerId')).toBe(tess.id);
  });

  it('loads more classes from now on, and tells a failed page as a toast, keeping the classes shown', async () => {
    const { store, http, toast } = await setup();
    const first = Array.from({ length: MY_CLASSES_PAGE_SIZE }, () => aSession());
    http.expectOne((r) => r.url === '/api/v1/sessions').flush(pageOf(first, MY_CLASSES_PAGE_SIZE + 1));

    const more = store.loadMore();
    const request = http.expectOne((r) => r.url === '/api/v1/sessions');
    expect(request.request.params.get('page')).toBe('2');
    expect(request.request.params.get('from')).toBe(NOW.toISOString());
    request.flush(problem(500, 'INTERNAL'), { status: 500, statusText: 'Error' });
    await more;

    expect(toast.error).toHaveBeenCalledWith(expect.stringMatching(/Something went wrong/));
    expect(store.error()).toBeNull();
    expect(store.sessions()).toEqual(first);
    expect(store.loadingMore()).toBe(false);
  });

  it('publishes a draft and shows it published', async () => {
    const { store, http, toast } = await setup();
    const draft = aSession({ status: 'draft' });
    http.expectOne((r) => r.url === '/api/v1/sessions').flush(pageOf([draft]));

    const published = store.publish(draft);
    expect(store.isBusy(draft.id)).toBe(true);
    const request = http.expectOne(`/api/v1/sessions/${draft.id}/publish`);
    expect(request.request.method).toBe('POST');
    request.flush({ ...draft, status: 'published' });

    await expect(published).resolves.toBe(true);
    expect(store.sessions()[0]?.status).toBe('published');
    expect(toast.success).toHaveBeenCalledWith('Published Morning Yoga on Monday 30 November at 07:00.');
  });

  it('tells a 409 INVALID_STATE as a toast and shows the session as it now is', async () => {
    const { store, http, toast } = await setup();
    const draft = aSession({ status: 'draft' });
    http.expectOne((r) => r.url === '/api/v1/sessions').flush(pageOf([draft]));

    const cancelled = store.cancel(draft, 'Trainer is ill');
    const request = http.expectOne(`/api/v1/sessions/${draft.id}/cancel`);
    expect(request.request.body).toEqual({ reason: 'Trainer is ill' });
    request.flush(
      { ...problem(409, 'INVALID_STATE'), detail: 'This session is cancelled and cannot be cancelled' },
      { status: 409, statusText: 'Conflict' },
    );
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne(`/api/v1/sessions/${draft.id}`).flush({ ...draft, status: 'cancelled', cancellationReason: 'Rain' });

    await expect(cancelled).resolves.toEqual({ ok: false, fieldErrors: {}, formError: null, close: true });
    expect(toast.error).toHaveBeenCalledWith('This session is cancelled and cannot be cancelled');
    expect(store.sessions()[0]?.status).toBe('cancelled');
  });

  it('tells CAPACITY_BELOW_BOOKED as a toast and keeps the form open to fix it', async () => {
    const { store, http, toast } = await setup();
    const session = aSession({ bookedCount: 5, availableSpots: 7 });
    http.expectOne((r) => r.url === '/api/v1/sessions').flush(pageOf([session]));

    const saved = store.update(session, { capacity: 3 });
    http.expectOne(`/api/v1/sessions/${session.id}`).flush(
      { ...problem(409, 'CAPACITY_BELOW_BOOKED'), detail: '5 spots are already booked or held' },
      { status: 409, statusText: 'Conflict' },
    );

    await expect(saved).resolves.toEqual({ ok: false, fieldErrors: {}, formError: null, close: false });
    expect(toast.error).toHaveBeenCalledWith('5 spots are already booked or held');
    expect(store.sessions()[0]?.capacity).toBe(12);
  });

  describe('publishing several drafts together', () => {
    /** A weekly series of three Monday 07:00 drafts, a draft at another time, and a published class. */
    async function withSeries() {
      const context = await setup();
      const week = (day: string) => ({ startsAt: `2026-${day}T06:00:00.000Z`, endsAt: `2026-${day}T07:00:00.000Z` });
      const series = ['11-30', '12-07', '12-14'].map((day) => aSession({ status: 'draft', templateId: TEMPLATE, ...week(day) }));
      const evening = aSession({
        status: 'draft',
        templateId: TEMPLATE,
        startsAt: '2026-12-01T17:00:00.000Z',
        endsAt: '2026-12-01T18:00:00.000Z',
      });
      const published = aSession({ templateId: TEMPLATE, ...week('12-21') });
      context.http.expectOne((r) => r.url === '/api/v1/sessions').flush(pageOf([series[0]!, evening, series[1]!, series[2]!, published]));
      return { ...context, series, evening, published };
    }

    it('selects drafts one by one, offers the rest of their series, and clears', async () => {
      const { store, series, evening } = await withSeries();
      store.setSelected(series[0]!, true);
      expect(store.selectedDrafts()).toEqual([series[0]]);
      expect(store.restOfSeries()).toEqual([series[1], series[2]]);

      store.selectWholeSeries();
      expect(store.selectedDrafts()).toEqual(series);
      expect(store.restOfSeries()).toEqual([]);

      store.setSelected(series[1]!, false);
      store.setSelected(evening, true);
      expect(store.selectedDrafts()).toEqual([series[0], evening, series[2]]);

      store.clearSelection();
      expect(store.selectedDrafts()).toEqual([]);
    });

    it('publishes the selected drafts in one request and shows them published', async () => {
      const { store, http, toast, series } = await withSeries();
      for (const draft of series) store.setSelected(draft, true);

      const publishing = store.publishSelected();
      expect(store.publishing()).toBe(true);
      expect(store.isBusy(series[1]!.id)).toBe(true);
      const request = http.expectOne('/api/v1/sessions/publish');
      expect(request.request.method).toBe('POST');
      expect(request.request.body).toEqual({ ids: series.map((s) => s.id) });
      request.flush({ items: series.map((s) => ({ ...s, status: 'published' })) });

      await expect(publishing).resolves.toBe(true);
      expect(store.sessions().filter((s) => s.status === 'draft')).toHaveLength(1);
      expect(store.selectedDrafts()).toEqual([]);
      expect(store.publishing()).toBe(false);
      expect(toast.success).toHaveBeenCalledWith('Published 3 Morning Yoga classes.');
    });

    it('tells a refusal with the class it names, publishes nothing, and shows that class as it now is', async () => {
      const { store, http, toast, series } = await withSeries();
      for (const draft of series) store.setSelected(draft, true);
      const refused = series[1]!;

      const publishing = store.publishSelected();
      http.expectOne('/api/v1/sessions/publish').flush(
        { ...problem(409, 'INVALID_STATE'), detail: `Session ${refused.id}: This session is already published. Nothing was published.` },
        { status: 409, statusText: 'Conflict' },
      );
      await new Promise((resolve) => setTimeout(resolve));
      http.expectOne(`/api/v1/sessions/${refused.id}`).flush({ ...refused, status: 'published' });

      await expect(publishing).resolves.toBe(false);
      expect(toast.error).toHaveBeenCalledWith(
        'Morning Yoga on Monday 7 December at 07:00: This session is already published. Nothing was published.',
      );
      expect(store.sessions().find((s) => s.id === refused.id)?.status).toBe('published');
      expect(store.sessions().find((s) => s.id === series[0]!.id)?.status).toBe('draft');
      expect(store.selectedDrafts()).toEqual([series[0], series[2]]);
    });

    it('says nothing was published when the API cannot be reached', async () => {
      const { store, http, toast, series } = await withSeries();
      store.setSelected(series[0]!, true);
      const publishing = store.publishSelected();
      http.expectOne('/api/v1/sessions/publish').error(new ProgressEvent('error'), { status: 0 });
      await expect(publishing).resolves.toBe(false);
      expect(toast.error).toHaveBeenCalledWith(expect.stringMatching(/^Nothing was published\. We could not reach FitFlow/));
      expect(store.selectedDrafts()).toEqual([series[0]]);
    });
  });

  describe('deleting a draft', () => {
    it('deletes it: it leaves the list and the selection', async () => {
      const { store, http, toast } = await setup();
      const [draft, other] = [aSession({ status: 'draft' }), aSession({ status: 'draft' })];
      http.expectOne((r) => r.url === '/api/v1/sessions').flush(pageOf([draft, other]));
      store.setSelected(draft, true);

      const deleted = store.deleteDraft(draft);
      const request = http.expectOne(`/api/v1/sessions/${draft.id}`);
      expect(request.request.method).toBe('DELETE');
      request.flush(null, { status: 204, statusText: 'No Content' });

      await expect(deleted).resolves.toBe(true);
      expect(store.sessions()).toEqual([other]);
      expect(store.total()).toBe(1);
      expect(store.selectedDrafts()).toEqual([]);
      expect(toast.success).toHaveBeenCalledWith('Deleted the draft Morning Yoga on Monday 30 November at 07:00.');
    });

    it('tells a 409 (published meanwhile) and shows the class as it now is', async () => {
      const { store, http, toast } = await setup();
      const draft = aSession({ status: 'draft' });
      http.expectOne((r) => r.url === '/api/v1/sessions').flush(pageOf([draft]));

      const deleted = store.deleteDraft(draft);
      http.expectOne(`/api/v1/sessions/${draft.id}`).flush(
        { ...problem(409, 'INVALID_STATE'), detail: 'A published session cannot be deleted; cancel it instead' },
        { status: 409, statusText: 'Conflict' },
      );
      await new Promise((resolve) => setTimeout(resolve));
      http.expectOne(`/api/v1/sessions/${draft.id}`).flush({ ...draft, status: 'published' });

      await expect(deleted).resolves.toBe(false);
      expect(toast.error).toHaveBeenCalledWith('Could not delete Morning Yoga. A published session cannot be deleted; cancel it instead');
      expect(store.sessions()[0]?.status).toBe('published');
    });
  });

  describe('who booked a class', () => {
    async function withBookedClass() {
      const context = await setup();
      const booked = aSession({ bookedCount: 2, availableSpots: 10 });
      context.http.expectOne((r) => r.url === '/api/v1/sessions').flush(pageOf([booked, aSession({ bookedCount: 1 })]));
      return { ...context, booked };
    }

    it('asks only when the list is opened, and afresh at each opening, keeping the last answer shown meanwhile', async () => {
      const { store, http, booked } = await withBookedClass();
      http.expectNone((r) => r.url.endsWith('/roster'));
      expect(store.isRosterOpen(booked.id)).toBe(false);

      const opened = store.toggleRoster(booked);
      expect(store.isRosterOpen(booked.id)).toBe(true);
      expect(store.rosterOf(booked.id)).toEqual({ entries: null, loading: true, error: null });
      const entries = [anEntry({ name: 'Ana' }), anEntry({ name: 'Ben', checkedInAt: '2026-11-30T05:58:00.000Z' })];
      http.expectOne(`/api/v1/sessions/${booked.id}/roster`).flush(entries);
      await opened;
      expect(store.rosterOf(booked.id)).toEqual({ entries, loading: false, error: null });

      await store.toggleRoster(booked);
      expect(store.isRosterOpen(booked.id)).toBe(false);
      http.expectNone((r) => r.url.endsWith('/roster'));

      const reopened = store.toggleRoster(booked);
      expect(store.rosterOf(booked.id)).toEqual({ entries, loading: true, error: null });
      http.expectOne(`/api/v1/sessions/${booked.id}/roster`).flush(entries.slice(0, 1));
      await reopened;
      expect(store.rosterOf(booked.id).entries).toEqual(entries.slice(0, 1));
    });

    it('tells a failed list in place, and its Retry asks again', async () => {
      const { store, http, booked } = await withBookedClass();
      const opened = store.toggleRoster(booked);
      http.expectOne(`/api/v1/sessions/${booked.id}/roster`).flush(problem(500, 'INTERNAL'), { status: 500, statusText: 'Error' });
      await opened;
      expect(store.rosterOf(booked.id)).toEqual({
        entries: null,
        loading: false,
        error: 'Could not load who booked. Something went wrong on our side. Please try again.',
      });

      const retried = store.loadRoster(booked.id);
      expect(store.rosterOf(booked.id).error).toBeNull();
      const entries = [anEntry()];
      http.expectOne(`/api/v1/sessions/${booked.id}/roster`).flush(entries);
      await retried;
      expect(store.rosterOf(booked.id)).toEqual({ entries, loading: false, error: null });
    });

    it('sends one request at a time for a class', async () => {
      const { store, http, booked } = await withBookedClass();
      const opened = store.toggleRoster(booked);
      void store.loadRoster(booked.id);
      http.expectOne(`/api/v1/sessions/${booked.id}/roster`).flush([]);
      await opened;
      expect(store.rosterOf(booked.id).entries).toEqual([]);
    });
  });

  it('puts VALIDATION_FAILED errors at the fields the form shows (startsAt → Time)', async () => {
    const { store, http } = await setup();
    const session = aSession();
    http.expectOne((r) => r.url === '/api/v1/sessions').flush(pageOf([session]));

    const saved = store.update(session, { startsAt: '2026-11-20T06:00:00.000Z' });
    http.expectOne(`/api/v1/sessions/${session.id}`).flush(
      problem(400, 'VALIDATION_FAILED', { errors: [{ path: 'startsAt', message: 'A session cannot start in the past' }] }),
      { status: 400, statusText: 'Bad Request' },
    );
    await expect(saved).resolves.toEqual({
      ok: false,
      fieldErrors: { time: 'A session cannot start in the past' },
      formError: null,
    });
  });
});
