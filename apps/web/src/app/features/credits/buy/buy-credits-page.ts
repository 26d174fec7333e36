import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { CreditPackage } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { CreditsStore } from '../../../core/credits/credits.store';
import { formatPrice } from '../../../core/credits/money';
import { TEST_PAYMENT_METHODS } from '../../../core/credits/payments';
import { StudioStore } from '../../../core/studio/studio.store';
import { openDialog } from '../../../core/ui/dialogs';
import { LoadError } from '../../../core/ui/load-error';
import { safeReturnUrl } from '../../auth/return-url';
import { creditsLabel } from '../../../shared/sessions/session-labels';
import { BuyCreditsStore } from './buy-credits.store';
import { StripeCardField } from './stripe-card-field';
import type { TestAuthenticationAnswer, TestAuthenticationDialogData } from './test-authentication-dialog';

/** A package as its card shows it. */
interface PackageCard {
  pkg: CreditPackage;
  credits: string;
  price: string;
  validity: string;
  perCredit: string;
}

/**
 * Buy credits: the packages on sale, then the payment: Stripe's card field when the studio takes real cards, else
 * the test-mode card picker; the bank's confirmation step (3-D Secure) when the card asks for it; and a clear
 * outcome. Reached from a class the member could not pay for, it leads back there (`returnUrl`, `returnLabel`).
 */
@Component({
  selector: 'ff-buy-credits-page',
  imports: [LoadError, MatButtonModule, MatCardModule, MatProgressBarModule, MatRadioModule, RouterLink, StripeCardField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './buy-credits-page.html',
  styleUrl: './buy-credits-page.scss',
})
export class BuyCreditsPage {
  /** Where the member came from (a class's page), from the query string. */
  readonly returnUrl = input<string>();
  /** What to call it on the way back ("Back to Morning Yoga"). */
  readonly returnLabel = input<string>();

  protected readonly store = inject(BuyCreditsStore);
  protected readonly credits = inject(CreditsStore);
  protected readonly studio = inject(StudioStore);
  readonly #injector = inject(Injector);

  protected readonly creditsLabel = creditsLabel;
  protected readonly testMethods = TEST_PAYMENT_METHODS;
  protected readonly testMethod = signal<string>(TEST_PAYMENT_METHODS[0].id);

  private readonly stripeField = viewChild(StripeCardField);
  private readonly paymentHeading = viewChild<ElementRef<HTMLElement>>('paymentHeading');
  private readonly outcomeElement = viewChild<ElementRef<HTMLElement>>('outcomeMessage');

  protected readonly back = computed(() => {
    const url = this.returnUrl();
    if (!url || safeReturnUrl(url) === '/') return null;
    return { url: safeReturnUrl(url), label: this.returnLabel()?.trim() || 'the class' };
  });

  protected readonly cards = computed<PackageCard[]>(() =>
    this.store.packages().map((pkg) => ({
      pkg,
      credits: creditsLabel(pkg.credits),
      price: formatPrice(pkg.priceCents, pkg.currency),
      validity: `Valid for ${pkg.validityDays === 1 ? '1 day' : `${pkg.validityDays} days`}`,
      perCredit: `${formatPrice(Math.round(pkg.priceCents / pkg.credits), pkg.currency)} a credit`,
    })),
  );

  protected readonly price = computed(() => {
    const chosen = this.store.selected();
    return chosen ? formatPrice(chosen.priceCents, chosen.currency) : '';
  });

  constructor() {
    // The balance shown beside the packages is the one the API has now.
    void this.credits.refresh();
  }

  protected choose(pkg: CreditPackage): void {
    this.store.choose(pkg.id);
    // The payment step appears below: take keyboard and screen-reader users there.
    afterNextRender(() => this.paymentHeading()?.nativeElement.focus(), { injector: this.#injector });
  }

  protected async pay(): Promise<void> {
    const payments = this.store.payments();
    if (!payments || this.store.busy()) return;
    const methodId = payments.mode === 'test' ? this.testMethod() : await this.stripeField()?.paymentMethodId();
    if (!methodId) return;
    await this.store.pay(methodId);
    await this.confirmWithBank();
    this.#focusOutcome();
  }

  /** The bank's 3-D Secure step, when the payment waits for it. */
  protected async confirmWithBank(): Promise<void> {
    const outcome = this.store.outcome();
    if (outcome?.kind !== 'confirm') return;
    if (this.store.payments()?.mode === 'stripe') {
      const field = this.stripeField();
      const secret = outcome.purchase.clientSecret;
      const refused = field && secret ? await field.authenticate(secret) : 'The card form is not ready. Reload the page.';
      if (refused) this.store.bankRefused(refused);
      else await this.store.afterBankStep();
    } else {
      const answer = await openDialog<TestAuthenticationDialogData, TestAuthenticationAnswer>(
        this.#injector,
        () => import('./test-authentication-dialog').then((m) => m.TestAuthenticationDialog),
        { data: { purchase: outcome.purchase, studioName: this.studio.name() }, width: '480px' },
      );
      if (answer) await this.store.answerTestAuthentication(answer);
    }
    this.#focusOutcome();
  }

  protected async checkAgain(): Promise<void> {
    await this.store.checkAgain();
    this.#focusOutcome();
  }

  protected startOver(): void {
    this.store.startOver();
  }

  /** The outcome replaces the button pressed: keep focus on what the page says now. */
  #focusOutcome(): void {
    afterNextRender(() => this.outcomeElement()?.nativeElement.focus(), { injector: this.#injector });
  }
}
