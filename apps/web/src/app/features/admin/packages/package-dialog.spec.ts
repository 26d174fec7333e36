import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { CreditPackage } from '@fitflow/api-contract';
import { button, fieldMessage, inputLabelled, settle, type } from '../../../../testing/dom';
import { berlinStudio } from '../../../../testing/sessions';
import { StudioStore } from '../../../core/studio/studio.store';
import { ToastService } from '../../../core/ui/toast.service';
import { PackageDialog } from './package-dialog';
import { PackagesStore } from './packages.store';

async function render(pkg?: CreditPackage) {
  const close = vi.fn();
  TestBed.configureTestingModule({
    imports: [PackageDialog],
    providers: [
      PackagesStore,
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: MAT_DIALOG_DATA, useValue: { pkg } },
      { provide: MatDialogRef, useValue: { close } },
      { provide: StudioStore, useValue: { studio: signal({ ...berlinStudio, currency: 'EUR' }) } },
      { provide: ToastService, useValue: { success: vi.fn(), error: vi.fn() } },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(PackageDialog);
  await settle(fixture);
  http.expectOne('/api/v1/credit-packages').flush([]);
  const root = fixture.nativeElement as HTMLElement;
  const fill = async (values: Record<string, string>) => {
    for (const [label, value] of Object.entries(values)) type(inputLabelled(root, label), value);
    await settle(fixture);
  };
  const save = async () => {
    button(root, 'Save').click();
    await settle(fixture);
  };
  return { fixture, root, http, close, fill, save };
}

describe('PackageDialog', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('takes the price in the currency’s main unit and sends it in minor units, in the studio’s currency by default', async () => {
    const { fixture, root, http, close, fill, save } = await render();
    expect(inputLabelled(root, 'Currency').value).toBe('EUR');
    await fill({ Name: 'Ten classes', Credits: '10', Price: '80.5', 'Valid for (days)': '90' });
    await save();
    const request = http.expectOne((r) => r.method === 'POST');
    expect(request.request.body).toEqual({ name: 'Ten classes', credits: 10, priceCents: 8050, currency: 'EUR', validityDays: 90 });
    request.flush({ id: 'p1', ...request.request.body }, { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(close).toHaveBeenCalledWith(true);
  });

  it('refuses a price the currency cannot express, or below the minimum — and sends nothing', async () => {
    const { root, http, fill, save } = await render();
    await fill({ Name: 'Ten classes', Price: '80.505' });
    await save();
    expect(fieldMessage(root, 'Price')).toBe('Use the currency’s smallest unit at most (such as 0.01)');
    await fill({ Price: '0.4' });
    expect(fieldMessage(root, 'Price')).toBe('From 0.50 to 100,000.00');
    await fill({ Price: '1', Currency: 'JPY' });
    expect(fieldMessage(root, 'Price')).toBe('From 50 to 10,000,000');
    await fill({ Currency: 'EU' });
    await save();
    expect(fieldMessage(root, 'Currency')).toBe('Use a three-letter currency code such as EUR');
    http.expectNone((r) => r.method !== 'GET');
  });

  it('shows a package’s price in its own unit when editing it', async () => {
    const { root } = await render({ id: 'p1', name: 'Ten classes', credits: 10, priceCents: 8000, currency: 'EUR', validityDays: 90 });
    expect(root.querySelector('h2')?.textContent?.trim()).toBe('Edit Ten classes');
    expect(inputLabelled(root, 'Price').value).toBe('80');
  });
});
