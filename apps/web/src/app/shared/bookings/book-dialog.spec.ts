import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { Session } from '@fitflow/api-contract';
import { settle } from '../../../testing/dom';
import { aSession, defaultRefundTiers } from '../../../testing/sessions';
import { BookDialog } from './book-dialog';

/** Wednesday 25 November 2026, 11:00 in Berlin; `aSession` is on Monday 30 November at 07:00. */
const NOW = new Date('2026-11-25T10:00:00.000Z');

async function render(session: Session) {
  TestBed.configureTestingModule({
    imports: [BookDialog],
    providers: [
      { provide: MAT_DIALOG_DATA, useValue: { session, timeZone: 'Europe/Berlin', tiers: defaultRefundTiers, now: NOW } },
      { provide: MatDialogRef, useValue: { close: vi.fn() } },
    ],
  });
  const fixture = TestBed.createComponent(BookDialog);
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  return { text: (selector: string) => root.querySelector(selector)?.textContent?.trim() ?? null };
}

describe('BookDialog', () => {
  it('spells out the studio’s policy, and what it means for this class as the API computed it', async () => {
    const { text } = await render(
      aSession({
        creditCost: 2,
        refundOutlook: { percentage: 100, credits: 2, changesAt: '2026-11-29T06:00:00.000Z', nextPercentage: 50, nextCredits: 1 },
      }),
    );
    expect(text('.policy')).toBe(
      'Cancel more than 24 h before the start for 100 % back, more than 12 h before for 50 % back; later, no refund.',
    );
    expect(text('.outlook')).toBe('For this class: 100 % until Sun 07:00, then 50 %.');
  });

  it('says plainly when a share of a 1-credit class gives no credits back', async () => {
    const { text } = await render(aSession());
    expect(text('.outlook')).toBe('For this class: 100 % until Sun 07:00, then no credits back.');
  });

  it('says nothing of refunds for a free class', async () => {
    const { text } = await render(
      aSession({
        creditCost: 0,
        refundOutlook: { percentage: 100, credits: 0, changesAt: '2026-11-29T06:00:00.000Z', nextPercentage: 50, nextCredits: 0 },
      }),
    );
    expect(text('.facts')).toContain('Free');
    expect(text('.policy-heading')).toBeNull();
    expect(text('.outlook')).toBeNull();
  });
});
