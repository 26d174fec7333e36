import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { button, settle } from '../../../testing/dom';
import { aSession, berlinStudio } from '../../../testing/sessions';
import { CLOCK } from '../../core/time/studio-time';
import { aCheckIn, anEntry, NOW } from './door-fixtures';
import { RosterPage } from './roster-page';
import { RosterStore } from './roster.store';

async function render() {
  TestBed.configureTestingModule({
    imports: [RosterPage],
    providers: [RosterStore, provideRouter([]), provideHttpClient(), provideHttpClientTesting(), { provide: CLOCK, useValue: () => NOW }],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(RosterPage);
  const session = aSession({ name: 'Morning Yoga' });
  fixture.componentRef.setInput('sessionId', session.id);
  await settle(fixture);
  http.match('/api/v1/studio').forEach((request) => request.flush(berlinStudio));
  const maya = anEntry({ name: 'Maya Member' });
  const late = anEntry({ name: 'Late Lou', checkedInAt: '2026-11-30T06:12:00.000Z', isLate: true, method: 'qr' });
  http.expectOne(`/api/v1/sessions/${session.id}`).flush(session);
  http.expectOne(`/api/v1/sessions/${session.id}/roster`).flush([maya, late, anEntry({ name: 'Gone Gabi', status: 'no_show' })]);
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  const text = (selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const counts = () =>
    Array.from(root.querySelectorAll('.count')).map((count) => `${count.querySelector('dt')?.textContent} ${count.querySelector('dd')?.textContent}`);
  const row = (name: string) => Array.from(root.querySelectorAll<HTMLElement>('.member')).find((li) => li.textContent?.includes(name));
  return { fixture, http, root, session, maya, text, counts, row };
}

describe('RosterPage', () => {
  it('heads the roster with its counts and badges each member: late, no-show, or a Check in button', async () => {
    const { root, text, counts, row } = await render();
    expect(text('h1')).toBe('Morning Yoga');
    expect(text('.when')).toBe('07:00–08:00 · Monday 30 November · with Tess Trainer');
    expect(counts()).toEqual(['Booked 3', 'Checked in 1', 'Late 1', 'No-shows 1']);
    expect(row('Late Lou')?.querySelector('.ff-badge')?.textContent?.trim()).toBe('Late 07:12');
    expect(row('Gone Gabi')?.querySelector('.ff-badge')?.textContent?.trim()).toBe('No-show');
    expect(Array.from(root.querySelectorAll('.member button')).map((b) => b.textContent?.trim())).toEqual(['Check in']);
    expect(root.querySelector('[aria-live="assertive"]')?.textContent?.trim()).toBe('');
  });

  it('checks a member in by button: the counts, the row and the spoken answer change at once', async () => {
    const { fixture, http, root, session, maya, counts, row, text } = await render();
    button(row('Maya Member') as HTMLElement, 'Check in').click();
    http.expectOne(`/api/v1/bookings/${maya.bookingId}/checkin`).flush(aCheckIn(session, maya));
    await settle(fixture);

    expect(counts()).toEqual(['Booked 3', 'Checked in 2', 'Late 1', 'No-shows 1']);
    expect(row('Maya Member')?.querySelector('.ff-badge')?.textContent?.trim()).toBe('Checked in 06:50');
    expect(root.querySelectorAll('.member button')).toHaveLength(0);
    // Read out as one sentence; the tick is for the eyes only.
    expect(text('[aria-live="assertive"] .result-text')).toBe('Maya Member: Checked in on time');
    expect(root.querySelector('.result')?.getAttribute('data-kind')).toBe('ok');
    expect(document.activeElement).toBe(row('Maya Member'));
  });
});
