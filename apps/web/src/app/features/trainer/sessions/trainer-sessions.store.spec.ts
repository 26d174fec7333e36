import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Me } from '@fitflow/api-contract';
import { problem, tokenPair } from '../../../../testing/fixtures';
import { aSession, berlinStudio, pageOf, tess } from '../../../../testing/sessions';
import { AuthStore } from '../../../core/auth/auth.store';
import { CLOCK } from '../../../core/time/studio-time';
import { ToastService } from '../../../core/ui/toast.service';
import { MY_CLASSES_PAGE_SIZE, TrainerSessionsStore } from './trainer-sessions.store';

const NOW = new Date('2026-11-25T10:00:00.000Z');
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
