import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Hold, Session } from '@fitflow/api-contract';
import { button, settle } from '../../../testing/dom';
import { problem } from '../../../testing/fixtures';
import { aSession, anonymousActions, full, refused } from '../../../testing/sessions';
import { ToastService } from '../../core/ui/toast.service';
import { CardHold } from './card-hold';

const HOLD_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01';
const holding = refused('ALREADY_HOLDING', 'You already hold a spot in this session: confirm or release it');

function aHold(session: Session): Hold {
  return {
    id: HOLD_ID,
    sessionId: session.id,
    sessionName: session.name,
    startsAt: session.startsAt,
    createdAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    status: 'pending',
    source: 'member',
  };
}

async function render(session: Session) {
  const toast = { success: vi.fn().mockResolvedValue(undefined), error: vi.fn().mockResolvedValue(undefined) };
  TestBed.configureTestingModule({
    imports: [CardHold],
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), { provide: ToastService, useValue: toast }],
  });
  const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(CardHold);
  fixture.componentRef.setInput('session', session);
  fixture.componentRef.setInput('describedBy', 'class-name');
  const changes: Session[] = [];
  fixture.componentInstance.sessionChange.subscribe((changed) => changes.push(changed));
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  const text = () => root.textContent?.replace(/\s+/g, ' ').trim();
  return { fixture, root, text, http: TestBed.inject(HttpTestingController), navigate, toast, changes };
}

describe('CardHold', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('holds the spot where the API allows it, then takes the member to the class page and its countdown', async () => {
    const session = aSession();
    const { fixture, root, http, navigate, changes } = await render(session);
    const hold = button(root, 'Hold');
    expect(hold.getAttribute('aria-describedby')).toBe('class-name');

    hold.click();
    await settle(fixture);
    expect(button(root, 'Holding…')).toBeTruthy();
    const request = http.expectOne(`/api/v1/sessions/${session.id}/hold`);
    expect(request.request.method).toBe('POST');
    request.flush(aHold(session), { status: 201, statusText: 'Created' });
    await settle(fixture);
    const me = { bookingId: null, holdId: HOLD_ID, waitlistPosition: null };
    const held = { ...session, me, actions: { book: holding, hold: holding } };
    http.expectOne(`/api/v1/sessions/${session.id}`).flush(held);
    await settle(fixture);

    expect(changes).toEqual([held]);
    expect(navigate).toHaveBeenCalledWith(['/sessions', session.id]);
  });

  it('says so when the class filled up first, and shows the class as it is now', async () => {
    const session = aSession();
    const { fixture, root, http, navigate, toast, changes } = await render(session);
    button(root, 'Hold').click();
    await settle(fixture);
    http
      .expectOne(`/api/v1/sessions/${session.id}/hold`)
      .flush(problem(409, 'SESSION_FULL'), { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    const now = { ...session, availableSpots: 0, actions: { book: full, hold: full } };
    http.expectOne(`/api/v1/sessions/${session.id}`).flush(now);
    await settle(fixture);

    expect(changes).toEqual([now]);
    expect(toast.error).toHaveBeenCalledWith('Sorry, this class is full: the last spot was just taken.');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('says "Held — confirm", leading to the class page, while the member holds a spot', async () => {
    const { root, text } = await render(
      aSession({
        id: '7c1d2e3f-4a5b-4c6d-8e7f-0000000000aa',
        me: { bookingId: null, holdId: HOLD_ID, waitlistPosition: null },
        actions: { book: holding, hold: holding },
      }),
    );
    expect(text()).toBe('Held — confirm');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('/sessions/7c1d2e3f-4a5b-4c6d-8e7f-0000000000aa');
  });

  it('offers nothing on a full class', async () => {
    const { text } = await render(aSession({ availableSpots: 0, actions: { book: full, hold: full } }));
    expect(text()).toBe('');
  });

  it('offers nothing to an anonymous visitor, whom the card asks to sign in to book', async () => {
    const { text } = await render(aSession({ actions: anonymousActions }));
    expect(text()).toBe('');
  });
});
