import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { button, fieldMessage, inputLabelled, settle, type } from '../../../../testing/dom';
import { member, problem } from '../../../../testing/fixtures';
import { berlinStudio } from '../../../../testing/sessions';
import { StudioStore } from '../../../core/studio/studio.store';
import { AdjustCreditsDialog } from './adjust-credits-dialog';

async function render() {
  const close = vi.fn();
  TestBed.configureTestingModule({
    imports: [AdjustCreditsDialog],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: MAT_DIALOG_DATA, useValue: { user: member } },
      { provide: MatDialogRef, useValue: { close } },
      { provide: StudioStore, useValue: { timeZone: signal(berlinStudio.timeZone) } },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(AdjustCreditsDialog);
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  const text = () => root.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return { fixture, root, http, close, text };
}

const entry = {
  id: '8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b01',
  type: 'adjustment',
  amount: -2,
  balanceAfter: 10,
  description: 'Adjustment: Double charge',
  bookingId: null,
  purchaseId: null,
  createdAt: '2026-11-30T09:00:00.000Z',
};

describe('AdjustCreditsDialog', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the balance first, then takes credits away with the reason, and closes with the ledger entry', async () => {
    const { fixture, root, http, close, text } = await render();
    expect(text()).toContain('Reading the balance…');
    http
      .expectOne(`/api/v1/users/${member.id}/membership`)
      .flush({ credits: 12, validUntil: '2027-02-28T10:00:00.000Z', expiresSoon: false });
    await settle(fixture);
    expect(text()).toContain('Current balance: 12 credits (valid until 28 Feb 2027)');

    button(root, 'Take away').click();
    type(inputLabelled(root, 'Credits'), '2');
    type(inputLabelled(root, 'Reason'), '  Double charge  ');
    await settle(fixture);
    button(root, 'Take credits').click();
    await settle(fixture);

    const request = http.expectOne(`/api/v1/users/${member.id}/credits`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ amount: -2, reason: 'Double charge' });
    request.flush(entry, { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(close).toHaveBeenCalledWith(entry);
  });

  it('asks for a whole number of credits and a reason before sending anything', async () => {
    const { fixture, root, http } = await render();
    http.expectOne(`/api/v1/users/${member.id}/membership`).flush({ credits: 0, validUntil: null, expiresSoon: false });
    type(inputLabelled(root, 'Credits'), '0');
    await settle(fixture);
    button(root, 'Add credits').click();
    await settle(fixture);
    expect(fieldMessage(root, 'Credits')).toBe('From 1 to 1000 credits at once');
    expect(fieldMessage(root, 'Reason')).toBe('Say why');
    http.expectNone(`/api/v1/users/${member.id}/credits`);
  });

  it('shows the API’s own words when it refuses (more taken than there is)', async () => {
    const { fixture, root, http, close, text } = await render();
    http.expectOne(`/api/v1/users/${member.id}/membership`).flush({ credits: 1, validUntil: null, expiresSoon: false });
    button(root, 'Take away').click();
    type(inputLabelled(root, 'Credits'), '5');
    type(inputLabelled(root, 'Reason'), 'Mistake');
    await settle(fixture);
    button(root, 'Take credits').click();
    await settle(fixture);
    http
      .expectOne(`/api/v1/users/${member.id}/credits`)
      .flush(problem(402, 'INSUFFICIENT_CREDITS', { detail: 'The balance is 1 credit; 5 cannot be taken' }), {
        status: 402,
        statusText: 'Payment Required',
      });
    await settle(fixture);
    expect(text()).toContain('The balance is 1 credit; 5 cannot be taken');
    expect(close).not.toHaveBeenCalled();
  });
});
