import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Session } from '@fitflow/api-contract';
import { button, settle } from '../../../testing/dom';
import { aSession, allowed, anonymousActions, full, refused } from '../../../testing/sessions';
import { BookButton } from './book-button';
import { BookingFlow } from './booking-flow';

const me = (stake: Partial<NonNullable<Session['me']>>) => ({ bookingId: null, holdId: null, waitlistPosition: null, ...stake });

async function render(session: Session) {
  const flow = { confirm: vi.fn().mockResolvedValue(true), book: vi.fn() };
  TestBed.configureTestingModule({
    imports: [BookButton],
    providers: [provideRouter([]), { provide: BookingFlow, useValue: flow }],
  });
  const fixture = TestBed.createComponent(BookButton);
  fixture.componentRef.setInput('session', session);
  fixture.componentRef.setInput('describedBy', 'class-name');
  const changes: Session[] = [];
  fixture.componentInstance.sessionChange.subscribe((changed) => changes.push(changed));
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  /** What each shown element says, in order. */
  const text = () =>
    Array.from(root.children)
      .map((element) => element.textContent?.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' ');
  return { fixture, root, flow, changes, text };
}

describe('BookButton', () => {
  it('offers "Book" where the API allows it, and shows the session as the booking left it', async () => {
    const session = aSession();
    const { fixture, root, flow, changes } = await render(session);
    const booked = { ...session, me: me({ bookingId: '9a8b7c6d-5e4f-4a3b-8c2d-000000000001' }) };
    flow.book.mockResolvedValue(booked);

    button(root, 'Book').click();
    await settle(fixture);

    expect(flow.confirm).toHaveBeenCalledWith(session, expect.anything());
    expect(flow.book).toHaveBeenCalledWith(session);
    expect(changes).toEqual([booked]);
  });

  it('shows the API’s reason beside a disabled "Book", and ties the two together for screen readers', async () => {
    const { root, text } = await render(aSession({ availableSpots: 0, actions: { book: full, hold: full } }));
    expect(text()).toBe('This session is full Book');
    const book = button(root, 'Book');
    expect(book.disabled).toBe(true);
    const [reasonId, headingId] = book.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(root.querySelector(`#${reasonId}`)?.textContent).toBe('This session is full');
    expect(headingId).toBe('class-name');
  });

  it('shows whichever reason the API gives, such as a class that has started', async () => {
    const started = refused('INVALID_STATE', 'This session has already started');
    const { text } = await render(aSession({ status: 'in_progress', actions: { book: started, hold: started } }));
    expect(text()).toBe('This session has already started Book');
  });

  it('asks an anonymous visitor to sign in where a member could book, and to come back here after', async () => {
    const { root, text } = await render(aSession({ actions: anonymousActions }));
    expect(text()).toBe('Sign in to book');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('/sign-in?returnUrl=%2F');
    expect(root.querySelector('button')).toBeNull();
  });

  it('does not ask an anonymous visitor to sign in for a full class: it is full for everyone', async () => {
    const { root, text } = await render(aSession({ availableSpots: 0, actions: { book: full, hold: full } }));
    expect(text()).toBe('This session is full Book');
    expect(root.querySelector('a')).toBeNull();
  });

  it('says "You\'re booked" with a way to the member’s bookings', async () => {
    const alreadyBooked = refused('ALREADY_BOOKED', 'You have already booked this session');
    const { root, text } = await render(
      aSession({
        me: me({ bookingId: '9a8b7c6d-5e4f-4a3b-8c2d-000000000001' }),
        actions: { book: alreadyBooked, hold: alreadyBooked },
      }),
    );
    expect(text()).toBe("You're booked My bookings");
    expect(root.querySelector('a')?.getAttribute('href')).toBe('/bookings/upcoming');
  });

  it('gives a member who cannot pay the API’s reason and "Buy credits", which leads back to this class', async () => {
    const short = refused('INSUFFICIENT_CREDITS', 'This class costs 1 credit; you have 0 credits');
    const session = aSession({ name: 'Morning Yoga', actions: { book: short, hold: short } });
    const { root, text } = await render(session);
    expect(text()).toBe('This class costs 1 credit; you have 0 credits Buy credits');
    const link = root.querySelector('a');
    const url = new URL(link?.getAttribute('href') ?? '', 'http://app.test');
    expect(url.pathname).toBe('/credits/buy');
    expect(url.searchParams.get('returnUrl')).toBe(`/sessions/${session.id}`);
    expect(url.searchParams.get('returnLabel')).toBe('Morning Yoga');
    const [reasonId, headingId] = link?.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(root.querySelector(`#${reasonId}`)?.textContent).toBe('This class costs 1 credit; you have 0 credits');
    expect(headingId).toBe('class-name');
    expect(root.querySelector('button')).toBeNull();
  });

  it('does the same for credits that expired', async () => {
    const expired = refused('CREDITS_EXPIRED', 'Your credits expired on 2026-11-01; buy a package to book again');
    const { text } = await render(aSession({ actions: { book: expired, hold: expired } }));
    expect(text()).toBe('Your credits expired on 2026-11-01; buy a package to book again Buy credits');
  });

  it('shows nothing while the member holds a spot: the hold is how to book it', async () => {
    const holding = refused('ALREADY_HOLDING', 'You already hold a spot in this session: confirm or release it');
    const { text } = await render(
      aSession({ me: me({ holdId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01' }), actions: { book: holding, hold: holding } }),
    );
    expect(text()).toBe('');
  });

  it('books only once however often "Book" is pressed while the dialog is open', async () => {
    const { fixture, root, flow } = await render(aSession({ actions: { book: allowed, hold: allowed } }));
    let answer: (confirmed: boolean) => void = () => undefined;
    flow.confirm.mockReturnValue(new Promise<boolean>((resolve) => (answer = resolve)));
    button(root, 'Book').click();
    button(root, 'Book').click();
    answer(false);
    await settle(fixture);
    expect(flow.confirm).toHaveBeenCalledTimes(1);
    expect(flow.book).not.toHaveBeenCalled();
  });
});
