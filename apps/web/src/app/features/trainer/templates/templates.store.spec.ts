import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Me } from '@fitflow/api-contract';
import { problem, tokenPair } from '../../../../testing/fixtures';
import { aTemplate, berlinStudio, pageOf, tess } from '../../../../testing/sessions';
import { AuthStore } from '../../../core/auth/auth.store';
import { ToastService } from '../../../core/ui/toast.service';
import { TEMPLATES_PAGE_SIZE, type TemplateInput, TemplatesStore } from './templates.store';

const trainer: Me = { id: tess.id, email: 'tess@example.com', name: tess.name, role: 'trainer' };
const input: TemplateInput = {
  name: 'Evening Flow',
  description: '',
  durationMinutes: 60,
  capacity: 12,
  creditCost: 1,
  trainerId: null,
};

async function setup() {
  localStorage.clear();
  const toast = { success: vi.fn(), error: vi.fn() };
  TestBed.configureTestingModule({
    providers: [TemplatesStore, provideHttpClient(), provideHttpClientTesting(), { provide: ToastService, useValue: toast }],
  });
  const http = TestBed.inject(HttpTestingController);
  const auth = TestBed.inject(AuthStore);
  const signedIn = auth.signIn({ email: trainer.email, password: 'correct horse battery' });
  http.expectOne('/api/v1/auth/login').flush(tokenPair(1));
  await Promise.resolve();
  http.expectOne('/api/v1/me').flush(trainer);
  await signedIn;

  const store = TestBed.inject(TemplatesStore);
  TestBed.tick();
  http.match('/api/v1/studio').forEach((request) => request.flush(berlinStudio));
  return { store, http, toast };
}

const listRequest = (page: number) => `/api/v1/templates?page=${page}&pageSize=${TEMPLATES_PAGE_SIZE}`;

describe('TemplatesStore', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('loads the page shown again after a create, before the dialog hears it was saved', async () => {
    const { store, http } = await setup();
    http.expectOne(listRequest(1)).flush(pageOf([aTemplate()], TEMPLATES_PAGE_SIZE + 1, 1, TEMPLATES_PAGE_SIZE));
    store.showPage(2);
    http.expectOne(listRequest(2)).flush(pageOf([], TEMPLATES_PAGE_SIZE + 1, 2, TEMPLATES_PAGE_SIZE));

    let result: unknown;
    const saving = store.save(input).then((r) => (result = r));
    http.expectOne((r) => r.method === 'POST' && r.url === '/api/v1/templates').flush({ id: 'new' });
    await new Promise((resolve) => setTimeout(resolve));
    expect(result).toBeUndefined();

    const created = aTemplate({ id: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d02', name: input.name });
    http.expectOne(listRequest(2)).flush(pageOf([created], TEMPLATES_PAGE_SIZE + 2, 2, TEMPLATES_PAGE_SIZE));
    await saving;
    expect(result).toEqual({ ok: true });
    expect(store.templates()).toEqual([created]);
    expect(store.total()).toBe(TEMPLATES_PAGE_SIZE + 2);
  });

  it('keeps the templates shown and says why when another page cannot be loaded', async () => {
    const { store, http } = await setup();
    const shown = aTemplate();
    http.expectOne(listRequest(1)).flush(pageOf([shown], TEMPLATES_PAGE_SIZE + 1, 1, TEMPLATES_PAGE_SIZE));
    store.showPage(2);
    http.expectOne(listRequest(2)).flush(problem(500, 'INTERNAL'), { status: 500, statusText: 'Error' });

    expect(store.templates()).toEqual([shown]);
    expect(store.error()).toMatch(/Something went wrong/);
    expect(store.loading()).toBe(false);
  });
});
