import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  untracked,
  viewChild,
} from '@angular/core';
import type { Session } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { AuthStore } from '../../../core/auth/auth.store';
import { StudioStore } from '../../../core/studio/studio.store';
import { buyCreditsParams } from '../../../shared/bookings/buy-credits-link';
import { costLabel } from '../../../shared/sessions/session-labels';
import { HoldStore } from './hold.store';

/**
 * "Hold my spot", then the hold: a countdown to the API's `expiresAt` with Confirm and Release, or, once it ran
 * out, the offer to try again. Shows the member's hold again after a reload (the session's `me.holdId`). Emits
 * the session as it is after a change.
 */
@Component({
  selector: 'ff-hold-panel',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.hold()) {
      <section class="panel" aria-labelledby="hold-heading">
        @if (store.expired()) {
          <h2 id="hold-heading" class="heading" tabindex="-1" #heading>Your hold has run out</h2>
          <p role="status">The spot is no longer kept for you. It may still be free: try again to hold it.</p>
          <div class="buttons">
            <button mat-flat-button type="button" [disabled]="busy()" disabledInteractive (click)="hold()">
              {{ store.busy() === 'hold' ? 'Holding…' : 'Try again' }}
            </button>
          </div>
        } @else {
          <h2 id="hold-heading" class="heading" tabindex="-1" #heading>Your spot is held</h2>
          <p>
            Confirm within
            <span class="countdown" role="timer" [attr.aria-label]="store.countdownLabel()">{{ store.countdown() }}</span>
            to book it for {{ cost() }}.
          </p>
          <mat-progress-bar mode="determinate" [value]="store.percentLeft()" aria-label="Time left on your hold" />
          <div class="buttons">
            <button mat-button type="button" [disabled]="busy()" disabledInteractive aria-describedby="hold-heading" (click)="release()">
              {{ store.busy() === 'release' ? 'Releasing…' : 'Release' }}
            </button>
            <button mat-flat-button type="button" [disabled]="busy()" disabledInteractive aria-describedby="hold-heading" (click)="confirm()">
              {{ store.busy() === 'confirm' ? 'Confirming…' : 'Confirm' }}
            </button>
          </div>
        }
      </section>
    } @else if (canHold()) {
      @if (holdMinutes(); as minutes) {
        <span class="hint" id="hold-hint">Keeps a spot for you for {{ minutes }} minutes</span>
      }
      <button
        mat-stroked-button
        type="button"
        [disabled]="busy()"
        disabledInteractive
        [attr.aria-describedby]="holdDescribedBy()"
        (click)="hold()"
        #holdButton
      >
        {{ store.busy() === 'hold' ? 'Holding…' : 'Hold my spot' }}
      </button>
    }
    @if (store.error(); as error) {
      <p class="ff-alert error" role="alert">{{ error }}</p>
      @if (store.needsCredits()) {
        <!-- The hold keeps the spot while the member buys credits; back here, Confirm books it. -->
        <a mat-flat-button routerLink="/credits/buy" [queryParams]="buyParams()">Buy credits</a>
      }
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .panel,
    .error {
      flex: 1 1 100%;
    }
    .panel {
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
      text-align: start;
    }
    .heading {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .heading:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    p {
      margin: 0 0 12px;
    }
    .countdown {
      font: var(--mat-sys-title-medium);
      font-variant-numeric: tabular-nums;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 12px;
    }
    .error {
      margin: 0;
    }
    .hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class HoldPanel {
  readonly session = input.required<Session>();
  /** The id of what names the session (its heading), so "Hold my spot" says which class to screen readers. */
  readonly describedBy = input<string | null>(null);
  readonly sessionChange = output<Session>();

  protected readonly store = inject(HoldStore);
  readonly #auth = inject(AuthStore);
  readonly #studio = inject(StudioStore);
  readonly #injector = inject(Injector);

  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  private readonly holdButton = viewChild('holdButton', { read: ElementRef<HTMLElement> });

  protected readonly busy = computed(() => this.store.busy() !== null);
  protected readonly cost = computed(() => costLabel(this.session().creditCost));
  protected readonly buyParams = computed(() => buyCreditsParams(this.session()));
  /**
   * Where the API says the member can hold a spot; a member booking straight away uses "Book". Not while they hold
   * one (the API answers ALREADY_HOLDING): that hold is on its way (after a reload), not a new one.
   */
  protected readonly canHold = computed(() => this.session().actions.hold.allowed);
  /** How long a hold keeps the spot, for the button's hint. */
  protected readonly holdMinutes = computed(() => this.#studio.studio()?.holdMinutes ?? null);
  protected readonly holdDescribedBy = computed(
    () => [this.describedBy(), this.holdMinutes() ? 'hold-hint' : null].filter(Boolean).join(' ') || null,
  );

  constructor() {
    effect(() => {
      const session = this.session();
      if (this.#auth.isSignedIn()) untracked(() => void this.store.follow(session));
    });
  }

  protected async hold(): Promise<void> {
    this.#emit(await this.store.holdSpot(this.session()));
    // The button pressed is gone once the panel shows: keep focus on what the page says now.
    if (this.store.hold()) this.#focusAfterRender(this.heading);
  }

  protected async confirm(): Promise<void> {
    this.#emit(await this.store.confirm());
    if (this.store.expired()) this.#focusAfterRender(this.heading);
  }

  protected async release(): Promise<void> {
    this.#emit(await this.store.release());
    if (!this.store.hold()) this.#focusAfterRender(this.holdButton);
  }

  #emit(session: Session | null): void {
    if (session) this.sessionChange.emit(session);
  }

  #focusAfterRender(target: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(() => target()?.nativeElement.focus(), { injector: this.#injector });
  }
}
