import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PageOf, User } from '@fitflow/api-contract';
import { problem } from '../../../../testing/fixtures';
import { ToastService } from '../../../core/ui/toast.service';
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
  const toast = { success: vi.fn(), error: vi.fn() };
  TestBed.configureTestingModule({
    providers: [UsersStore, provideHttpClient(), provideHttpClientTesting(), { provide: ToastService, useValue: toast }],
  });
  const store = TestBed.inject(UsersStore);
  const http = TestBed.inject(HttpTestingController);
  TestBed.tick();
  return { store, http, toast };
}

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

  it('changes a role, updates the row and says so', async () => {
    const { store, http, toast } = setup();
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
    expect(toast.success).toHaveBeenCalledWith('Ana is now a trainer.');
  });

  it('keeps the old role and says why when the change is refused', async () => {
    const { store, http, toast } = setup();
    http.expectOne((r) => r.url === '/api/v1/users').flush(page([ana]));

    const changed = store.changeRole(ana, 'admin');
    http
      .expectOne(`/api/v1/users/${ana.id}/role`)
      .flush(problem(404, 'NOT_FOUND'), { status: 404, statusText: 'Not Found' });

    await expect(changed).resolves.toBe(false);
    expect(store.users()[0]?.role).toBe('member');
    expect(toast.error).toHaveBeenCalledWith(expect.stringContaining("Could not change Ana's role."));
  });
});
