import { ChangeDetectionStrategy, Component, type ElementRef, afterNextRender, input, OnDestroy, signal, viewChild } from '@angular/core';
import type { StripeCard } from './stripe-card';

/**
 * The card field of Stripe mode: Stripe Elements mounted in the page (Stripe.js is loaded by this field only). The
 * card's number never reaches FitFlow: Stripe turns it into a PaymentMethod id.
 */
@Component({
  selector: 'ff-stripe-card-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="label" id="card-label">Card</p>
    <div class="card" #host aria-labelledby="card-label" role="group"></div>
    @if (loadError()) {
      <p class="ff-alert" role="alert">{{ loadError() }}</p>
    } @else if (problem()) {
      <p class="problem" role="alert">{{ problem() }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .label {
      margin: 0 0 4px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .card {
      min-height: 24px;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface);
    }
    .problem {
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-error);
    }
  `,
})
export class StripeCardField implements OnDestroy {
  /** The studio's publishable key (`pk_…`). */
  readonly publishableKey = input.required<string>();

  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  protected readonly problem = signal<string | null>(null);
  protected readonly loadError = signal<string | null>(null);
  #card: StripeCard | null = null;
  #destroyed = false;

  constructor() {
    afterNextRender(() => void this.#mount());
  }

  /** The PaymentMethod id of the card typed; null (the field says why) when Stripe cannot use it. */
  async paymentMethodId(): Promise<string | null> {
    if (!this.#card) return null;
    const result = await this.#card.paymentMethod();
    if ('id' in result) return result.id;
    this.problem.set(result.error);
    return null;
  }

  /** Stripe's 3-D Secure step; null once passed, else why it failed. */
  authenticate(clientSecret: string): Promise<string | null> {
    return this.#card ? this.#card.authenticate(clientSecret) : Promise.resolve('The card field is not ready. Reload the page.');
  }

  ngOnDestroy(): void {
    this.#destroyed = true;
    this.#card?.destroy();
  }

  async #mount(): Promise<void> {
    try {
      const { StripeCard } = await import('./stripe-card');
      const card = await StripeCard.mount(this.publishableKey(), this.host().nativeElement, (problem) => this.problem.set(problem));
      if (this.#destroyed) card.destroy();
      else this.#card = card;
    } catch {
      this.loadError.set('The card form could not be loaded. Check your connection and reload the page.');
    }
  }
}
