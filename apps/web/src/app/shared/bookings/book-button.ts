import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { Session } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { BookingFlow } from './booking-flow';
import { buyCreditsParams, needsCredits } from './buy-credits-link';

/** What the booking action shows, read from the API's answer (`me`, `actions.book`). */
type BookState =
  | { kind: 'booked' }
  /** The member holds a spot: the hold (its Confirm) is how to book it, so nothing shows here. */
  | { kind: 'held' }
  | { kind: 'open' }
  | { kind: 'sign-in' }
  /** The member cannot pay for it: the API's reason, and the way to buy credits. */
  | { kind: 'needs-credits'; reason: string }
  | { kind: 'closed'; reason: string };

function bookStateOf(session: Pick<Session, 'me' | 'actions'>): BookState {
  if (session.me?.bookingId) return { kind: 'booked' };
  if (session.me?.holdId) return { kind: 'held' };
  const { allowed, code, reason } = session.actions.book;
  if (allowed) return { kind: 'open' };
  if (code === 'UNAUTHENTICATED') return { kind: 'sign-in' };
  if (needsCredits(code)) return { kind: 'needs-credits', reason: reason ?? 'Not enough credits' };
  return { kind: 'closed', reason: reason ?? 'Not open for booking' };
}

/**
 * A session's booking action: "Book" (confirm, book, toast), or why the API says it cannot be booked right now
 * ("This session is full"), "You're booked", "Sign in to book", or, for a member who cannot pay for it, the API's
 * reason with "Buy credits" (which leads back to the class). Emits the session as it is after an attempt.
 */
@Component({
  selector: 'ff-book-button',
  imports: [MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (state().kind) {
      @case ('open') {
        <button
          mat-flat-button
          type="button"
          [disabled]="pending()"
          disabledInteractive
          [attr.aria-describedby]="describedBy()"
          (click)="book()"
        >
          {{ pending() ? 'Booking…' : 'Book' }}
        </button>
      }
      @case ('sign-in') {
        <a mat-stroked-button routerLink="/sign-in" [queryParams]="{ returnUrl: returnUrl() }" [attr.aria-describedby]="describedBy()">
          Sign in to book
        </a>
      }
      @case ('booked') {
        <span class="note booked" [id]="reasonId()" tabindex="-1" #outcome>
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M9 16.17 4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z" />
          </svg>
          You're booked
        </span>
        <a mat-button routerLink="/bookings/upcoming" [attr.aria-describedby]="describedBy()">My bookings</a>
      }
      @case ('needs-credits') {
        <span class="note" [id]="reasonId()" tabindex="-1" #outcome>{{ reason() }}</span>
        <a
          mat-flat-button
          routerLink="/credits/buy"
          [queryParams]="buyParams()"
          [attr.aria-describedby]="reasonId() + ' ' + (describedBy() ?? '')"
        >
          Buy credits
        </a>
      }
      @case ('closed') {
        <span class="note" [id]="reasonId()" tabindex="-1" #outcome>{{ reason() }}</span>
        <button mat-flat-button type="button" disabled [attr.aria-describedby]="reasonId() + ' ' + (describedBy() ?? '')">Book</button>
      }
    }
  `,
  styles: `
    :host {
      position: relative; /* above a card's stretched link, so the button takes its own clicks */
      z-index: 1;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: 4px 12px;
    }
    .note {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .booked {
      color: var(--mat-sys-primary);
    }
    .note:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
  `,
})
export class BookButton {
  readonly session = input.required<Session>();
  /** The id of what names the session (its heading), so "Book" says which class to screen readers. */
  readonly describedBy = input<string | null>(null);
  /** The session as it is after a booking attempt (booked, or found full). */
  readonly sessionChange = output<Session>();

  readonly #flow = inject(BookingFlow);
  readonly #injector = inject(Injector);
  readonly #router = inject(Router);

  protected readonly pending = signal(false);
  /** A second click while the dialog loads or is open does nothing (no second dialog, no second booking). */
  #busy = false;
  /** "You're booked" or the API's reason: where focus goes once an attempt has changed what this shows. */
  private readonly outcome = viewChild<ElementRef<HTMLElement>>('outcome');
  protected readonly state = computed(() => bookStateOf(this.session()));
  protected readonly reason = computed(() => {
    const state = this.state();
    return state.kind === 'closed' || state.kind === 'needs-credits' ? state.reason : '';
  });
  protected readonly buyParams = computed(() => buyCreditsParams(this.session()));
  protected readonly reasonId = computed(() => `book-${this.session().id}-state`);

  /** Back here after signing in (the router's URL is not a signal, so this is read at each render). */
  protected returnUrl(): string {
    return this.#router.url;
  }

  protected async book(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      const session = this.session();
      if (!(await this.#flow.confirm(session, this.#injector))) return;
      this.pending.set(true);
      const changed = await this.#flow.book(session);
      if (changed) {
        this.sessionChange.emit(changed);
        // The button focus returned to is gone once the session shows as booked or full: keep keyboard and
        // screen-reader users here, on what it says now, rather than at the top of the page.
        afterNextRender(() => this.outcome()?.nativeElement.focus(), { injector: this.#injector });
      }
    } finally {
      this.pending.set(false);
      this.#busy = false;
    }
  }
}
