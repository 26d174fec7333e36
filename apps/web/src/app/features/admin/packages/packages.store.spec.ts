import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CreditPackage } from '@fitflow/api-contract';
import { problem } from '../../../../testing/fixtures';
import { ToastService } from '../../../core/ui/toast.service';
import { PackagesStore } from './packages.store';

const tenClasses: CreditPackage = {
  id: '3e1f2a4b-5c6d-4e7f-8a9b-0c1d2e3f4a01',
  name: 'Ten classes',
  credits: 10,
  priceCents: 8000,
  currency: 'EUR',
  validityDays: 90,
};
const body = { name: 'Ten classes', credits: 10, priceCents: 8000, currency: 'EUR', validityDays: 90 };
const tick = () => new Promise((resolve) => setTimeout(resolve));

async function setup() {
  const toast = { success: vi.fn().mockResolvedValue(undefined), error: vi.fn().mockResolvedValue(undefined) };
  TestBed.configureTestingModule({
    providers: [PackagesStore, provideHttpClient(), provideHttpClientTesting(), { provide: ToastService, useValue: toast }],
  });
  const store = TestBed.inject(PackagesStore);
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/v1/credit-packages').flush([tenClasses]);
  await tick();
  return { store, http, toast };
}

describe('PackagesStore', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('puts a new package on sale and lists it', async () => {
    const { store, http, toast } = await setup();
    const saving = store.save({ ...body, name: 'Drop-in', credits: 1, priceCents: 1200 });
    const request = http.expectOne((r) => r.url === '/api/v1/credit-packages' && r.method === 'POST');
    expect(request.request.body).toEqual({ ...body, name: 'Drop-in', credits: 1, priceCents: 1200 });
    const created = { ...tenClasses, id: '3e1f2a4b-5c6d-4e7f-8a9b-0c1d2e3f4a02', name: 'Drop-in', credits: 1, priceCents: 1200 };
    request.flush(created, { status: 201, statusText: 'Created' });
    expect(await saving).toEqual({ ok: true });
    expect(store.packages().map((p) => p.name)).toEqual(['Ten classes', 'Drop-in']);
    expect(toast.success).toHaveBeenCalledWith('Drop-in is on sale.');
  });

  it('replaces an edited package in place', async () => {
    const { store, http } = await setup();
    const saving = store.save({ ...body, priceCents: 7500 }, tenClasses);
    const request = http.expectOne(`/api/v1/credit-packages/${tenClasses.id}`);
    expect(request.request.method).toBe('PUT');
    request.flush({ ...tenClasses, priceCents: 7500 });
    expect(await saving).toEqual({ ok: true });
    expect(store.packages()).toEqual([{ ...tenClasses, priceCents: 7500 }]);
  });

  it('puts the API’s messages under the fields they are about (its priceCents is the form’s price)', async () => {
    const { store, http } = await setup();
    const saving = store.save({ ...body, priceCents: 10 });
    http
      .expectOne((r) => r.method === 'POST')
      .flush(problem(400, 'VALIDATION_FAILED', { errors: [{ path: '/priceCents', message: 'The price is at least 50 cents' }] }), {
        status: 400,
        statusText: 'Bad Request',
      });
    expect(await saving).toEqual({ ok: false, fieldErrors: { price: 'The price is at least 50 cents' }, formError: null });
    expect(store.packages()).toEqual([tenClasses]);
  });

  it('retires a package: it leaves the list; a failure says why and keeps it', async () => {
    const { store, http, toast } = await setup();
    const failing = store.retire(tenClasses);
    expect(store.isRetiring(tenClasses.id)).toBe(true);
    http.expectOne(`/api/v1/credit-packages/${tenClasses.id}`).flush(null, { status: 503, statusText: 'Unavailable' });
    expect(await failing).toBe(false);
    expect(store.packages()).toEqual([tenClasses]);
    expect(toast.error).toHaveBeenCalledWith('Could not retire Ten classes. Something went wrong on our side. Please try again.');

    const retiring = store.retire(tenClasses);
    const request = http.expectOne(`/api/v1/credit-packages/${tenClasses.id}`);
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    expect(await retiring).toBe(true);
    expect(store.packages()).toEqual([]);
    expect(store.isRetiring(tenClasses.id)).toBe(false);
  });
});
