/*
 * Stripe Elements without `@stripe/stripe-js` (not installed): the few Stripe.js calls FitFlow makes, typed by hand
 * after https://docs.stripe.com/js, and the script itself injected from js.stripe.com, as Stripe requires, only when
 * the studio is in Stripe mode and only on the Buy credits page (this module is imported dynamically).
 */

const STRIPE_JS = 'https://js.stripe.com/v3';

interface StripeError {
  message?: string;
}

interface StripeCardElement {
  mount(host: HTMLElement): void;
  on(event: 'change', handler: (event: { complete: boolean; error?: StripeError }) => void): void;
  destroy(): void;
}

interface StripeJs {
  elements(): { create(type: 'card', options?: object): StripeCardElement };
  createPaymentMethod(data: { type: 'card'; card: StripeCardElement }): Promise<{ paymentMethod?: { id: string }; error?: StripeError }>;
  handleNextAction(options: { clientSecret: string }): Promise<{ error?: StripeError }>;
}

type StripeFactory = (publishableKey: string) => StripeJs;

let loading: Promise<StripeFactory> | null = null;

/** Adds Stripe.js to the page once; later calls share it. */
function loadStripeJs(document: Document): Promise<StripeFactory> {
  loading ??= new Promise<StripeFactory>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = STRIPE_JS;
    script.async = true;
    script.onload = () => {
      const factory = (document.defaultView as (Window & { Stripe?: StripeFactory }) | null)?.Stripe;
      if (factory) resolve(factory);
      else reject(new Error('Stripe.js loaded without defining Stripe'));
    };
    script.onerror = () => {
      loading = null; // a later visit may try again
      script.remove();
      reject(new Error('Stripe.js could not be loaded'));
    };
    document.head.appendChild(script);
  });
  return loading;
}

/** A Stripe card field mounted in the page: it turns what the member typed into a PaymentMethod id, and runs 3-D Secure. */
export class StripeCard {
  private constructor(
    private readonly stripe: StripeJs,
    private readonly card: StripeCardElement,
  ) {}

  /** Loads Stripe.js with the studio's publishable key and mounts a card field in `host`. */
  static async mount(publishableKey: string, host: HTMLElement, onProblem: (problem: string | null) => void): Promise<StripeCard> {
    const stripe = (await loadStripeJs(host.ownerDocument))(publishableKey);
    const card = stripe.elements().create('card', { hidePostalCode: true });
    // What Stripe says is wrong with the card as typed so far, shown under the field.
    card.on('change', (event) => onProblem(event.error?.message ?? null));
    card.mount(host);
    return new StripeCard(stripe, card);
  }

  /** The PaymentMethod id of the card typed, or the reason Stripe refused it. */
  async paymentMethod(): Promise<{ id: string } | { error: string }> {
    const { paymentMethod, error } = await this.stripe.createPaymentMethod({ type: 'card', card: this.card });
    if (paymentMethod) return { id: paymentMethod.id };
    return { error: error?.message ?? 'The card could not be read. Check the details and try again.' };
  }

  /** Stripe's own 3-D Secure step; null once the member went through it, else why it failed. */
  async authenticate(clientSecret: string): Promise<string | null> {
    const { error } = await this.stripe.handleNextAction({ clientSecret });
    return error ? (error.message ?? 'Your bank did not confirm the payment.') : null;
  }

  destroy(): void {
    this.card.destroy();
  }
}
