import { ChangeDetectionStrategy, Component, Injector, computed, inject, input, output } from '@angular/core';
import type { Session } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { ToastService } from '../../core/ui/toast.service';
import { HoldStore } from './session-detail/hold.store';

/**
 * A schedule card's hold: "Hold" where the API says the member can hold a spot, which holds it and takes them to
 * the class page, where the hold panel counts down to its expiry; "Held — confirm" while they hold one. The hold is
 * the class page's own HoldStore, one per card (the class page follows the hold from the session's `me.holdId`).
 * Emits the session as it is after an attempt.
 */
@Component({
  selector: 'ff-card-hold',
  imports: [MatButtonModule, RouterLink],
  providers: [HoldStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (state()) {
      @case ('held') {
        <a mat-stroked-button [routerLink]="classPage()" [attr.aria-describedby]="describedBy()">Held — confirm</a>
      }
      @case ('can-hold') {
        <button
          mat-stroked-button
          type="button"
          [disabled]="holding()"
          disabledInteractive
          [attr.aria-describedby]="describedBy()"
          (click)="hold()"
        >
          {{ holding() ? 'Holding…' : 'Hold' }}
        </button>
      }
    }
  `,
  styles: `
    :host {
      position: relative; /* above a card's stretched link, so the button takes its own clicks */
      z-index: 1;
      display: flex;
    }
  `,
})
export class CardHold {
  readonly session = input.required<Session>();
  /** The id of what names the session (its heading), so "Hold" says which class to screen readers. */
  readonly describedBy = input<string | null>(null);
  readonly sessionChange = output<Session>();

  readonly #injector = inject(Injector);
  /** The card's HoldStore, made the first time it is needed: most cards (all of a visitor's) never offer a hold. */
  readonly #holds = () => this.#injector.get(HoldStore);
  readonly #router = inject(Router);
  readonly #toast = inject(ToastService);

  /** Read from the API's answer; a booked member is shown as such by the card's "Book". */
  protected readonly state = computed<'held' | 'can-hold' | null>(() => {
    const { me, actions } = this.session();
    if (me?.holdId) return 'held';
    if (me?.bookingId) return null;
    return actions.hold.allowed ? 'can-hold' : null;
  });
  protected readonly holding = computed(() => this.state() === 'can-hold' && this.#holds().busy() === 'hold');
  protected readonly classPage = computed(() => ['/sessions', this.session().id]);

  protected async hold(): Promise<void> {
    const session = await this.#holds().holdSpot(this.session());
    if (session) this.sessionChange.emit(session);
    if (this.#holds().hold()) {
      await this.#router.navigate(this.classPage());
      return;
    }
    // Refused (the class filled up, say): the card shows the session as it is now, the toast says why.
    const error = this.#holds().error();
    if (error) void this.#toast.error(error);
  }
}
