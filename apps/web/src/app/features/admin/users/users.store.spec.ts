import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PageOf, User } from '@fitflow/api-contract';
import { problem } from '../../../../testing/fixtures';
import { ToastService } from '../../../core/ui/toast.service';
import { UndoToast } from './undo-toast';
import { SEARCH_DEBOUNCE_MS, UsersStore } from './users.store';

const ana: User = {
  id: '6f1c2a8e-0d1b-4a53-9f4e-2b7c9d0e1f01',
  email: 'ana@example.com',
  name: 'Ana',
  role: 'member',
  createdAt: '2026-11-01T09:00:00.000Z',
};
const page = (items: User[], total = items.length): PageOf<User> => ({ items, page: 1, pageSize: 20, total });

function setup() {
  // The Undo toast answers when the test says what the admin did with it.
  let answerUndo: (undone: boolean) => void = () => undefined;
  const toast = { success: vi.fn(), error: vi.fn() };
  const undoToast = { offer: vi.fn(() => new Promise<boolean>((resolve) => (answerUndo = resolve))) };
  TestBed.configureTestingModule({
    providers: [
      UsersStore,
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: ToastService, useValue: toast },
      { provide: UndoToast, useValue: undoToast },
    ],
  });
  const store = TestBed.inject(UsersStore);
  const http = TestBed.inject(HttpTestingController);
  TestBed.tick();
  return { store, http, toast, undoToast, answerUndo: (undone: boolean) => answerUndo(undone) };
}

/** Lets the promises that are already settled run their continuations. */
const settled = () => new Promise<void>((resolve) => setTimeout(resolve));

describe('UsersStore', () => {
  afterEach(() => {
    vi.useRealTimers();
    TestBed.inject(HttpTestingController).verify();
  });

  it('loads the first page at once', () => {
    const { store, http } = setup();
    const request = http.expectOne((r) => r.url === '/api/v1/users');
    expect(request.request.params.toString()).toBe('page=1&pageSize=20');
    request.flush(page([ana], 41));

    expect(store.users()).toEqual([ana]);
    expect(store.total()).toBe(41);
    expect(store.loading()).toBe(false);
  });

  it('searches once typing pauses, from page 1', async () => {
    vi.useFakeTimers();
    const { store, http } = setup();
    http.expectOne((r) => r.url === '/api/v1/users').flush(page([ana], 41));
    store.showPage(3, 20);
    TestBed.tick();
    http.expectOne((r) => r.params.get('page') === '3').flush(page([]));

    store.search('a');
    store.search('an');
    store.search('ana ');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 1);
    TestBed.tick();
    http.expectNone((r) => r.params.has('q'));

    await vi.advanceTimersByTimeAsync(1);
    TestBed.tick();
    const request = http.expectOne((r) => r.params.has('q'));
    expect(request.request.params.get('q')).toBe('ana');
    expect(request.request.params.get('page')).toBe('1');
    request.flush(page([ana]));
  });

  it('starts again from page 1 when the page size changes', () => {
    const { store, http } = setup();
    http.expectOne((r) => r.url === '/api/v1/users').flush(page([ana], 41));
    store.showPage(3, 20);
    http.expectOne((r) => r.params.get('page') === '3').flush(page([]));

    store.showPage(3, 50);
    TestBed.tick();
    expect(http.expectOne((r) => r.url === '/api/v1/users').request.params.toString()).toBe('page=1&pageSize=50');
    expect(store.page()).toBe(1);
  });

  it('keeps the rows shown and says why when another page cannot be loaded', () => {
    const { store, http } = setup();
    http.expectOne((r) => r.url === '/api/v1/users').flush(page([ana], 41));
    store.showPage(2, 20);
    http
      .expectOne((r) => r.params.get('page') === '2')
      .flush(problem(500, 'INTERNAL'), { status: 500, statusText: 'Error' });

    expect(store.users()).toEqual([ana]);
    expect(store.error()).toMatch(/Something went wrong/);
    expect(store.loading()).toBe(false);
  });

  it('filters by role', () => {
    const { store, http } = setup();
    http.expectOne((r) => r.url === '/api/v1/users').flush(page([ana]));
    store.filterByRole('trainer');
    TestBed.tick();
    expect(http.expectOne((r) => r.url === '/api/v1/users').request.params.get('role')).toBe('trainer');
  });

  /** Ana, changed to trainer through the store, with the Undo toast up. */
  async function anaMadeTrainer() {
    const setUp = setup();
    setUp.http.expectOne((r) => r.url === '/api/v1/users').flush(page([ana]));
    const changed = setUp.store.changeRole(ana, 'trainer');
    setUp.http.expectOne(`/api/v1/users/${ana.id}/role`).flush({ ...ana, role: 'trainer' });
    await expect(changed).resolves.toBe(true);
    return setUp;
  }

  it('changes a role, updates the row and says so with an Undo', async () => {
    const { store, http, undoToast } = setup();
    http.expectOne((r) => r.url === '/api/v1/users').flush(page([ana]));

    const changed = store.changeRole(ana, 'trainer');
    expect(store.isSaving(ana.id)).toBe(true);
    const request = http.expectOne(`/api/v1/users/${ana.id}/role`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ role: 'trainer' });
    request.flush({ id: ana.id, email: ana.email, name: ana.name, role: 'trainer' });

    await expect(changed).resolves.toBe(true);
    expect(store.users()[0]?.role).toBe('trainer');
    expect(store.isSaving(ana.id)).toBe(false);
    expect(undoToast.offer).toHaveBeenCalledWith('Ana is now a trainer.');
  });

  it('gives back the role the user had when the admin chooses Undo, and says so', async () => {
    const { store, http, toast, answerUndo } = await anaMadeTrainer();

    answerUndo(true);
    await settled();
    expect(store.isSaving(ana.id)).toBe(true);
    const request = http.expectOne(`/api/v1/users/${ana.id}/role`);
    expect(request.request.body).toEqual({ role: 'member' });
    request.flush({ ...ana, role: 'member' });
    await settled();

    expect(store.users()[0]?.role).toBe('member');
    expect(store.isSaving(ana.id)).toBe(false);
    expect(toast.success).toHaveBeenCalledWith('Ana is a member again.');
  });

  it('keeps the change when the toast goes without Undo', async () => {
    const { store, http, toast, answerUndo } = await anaMadeTrainer();

    answerUndo(false);
    await settled();

    http.expectNone(`/api/v1/users/${ana.id}/role`);
    expect(store.users()[0]?.role).toBe('trainer');
    expect(toast.success).not.toHaveBeenCalled();
  });

  it('keeps the new role and says why when the undo is refused', async () => {
    const { store, http, toast, answerUndo } = await anaMadeTrainer();

    answerUndo(true);
    await settled();
    http
      .expectOne(`/api/v1/users/${ana.id}/role`)
      .flush(problem(403, 'FORBIDDEN'), { status: 403, statusText: 'Forbidden' });
    await settled();

    expect(store.users()[0]?.role).toBe('trainer');
    expect(store.isSaving(ana.id)).toBe(false);
    expect(toast.error).toHaveBeenCalledWith('Could not make Ana a member again. You are not allowed to do that.');
    expect(toast.success).not.toHaveBeenCalled();
  });

  it('keeps the old role and says why when the change is refused', async () => {
    const { store, http, toast, undoToast } = setup();
    http.expectOne((r) => r.url === '/api/v1/users').flush(page([{ ...ana, role: 'admin' }]));

    const changed = store.changeRole({ ...ana, role: 'admin' }, 'member');
    http
      .expectOne(`/api/v1/users/${ana.id}/role`)
      .flush(problem(409, 'LAST_ADMIN', { detail: 'This is the studio’s only admin; make another account admin first' }), {
        status: 409,
        statusText: 'Conflict',
      });

    await expect(changed).resolves.toBe(false);
    expect(store.users()[0]?.role).toBe('admin');
    expect(store.isSaving(ana.id)).toBe(false);
    expect(toast.error).toHaveBeenCalledWith(
      "Could not change Ana's role. This is the studio’s only admin; make another account admin first",
    );
    expect(undoToast.offer).not.toHaveBeenCalled();
  });
});
