import { computed, inject } from '@angular/core';
import type { CreditPackage, PaymentsConfig, Purchase, TestAuthenticationBody } from '@fitflow/api-contract';
import { patchState, signalStore, withComputed, withHooks, withMethods, withState } from '@ngrx/signals';
import { firstValueFrom } from 'rxjs';
import { type ApiProblem, NETWORK_ERROR, describeProblem, toProblem } from '../../../core/api/problem';
import { CreditsApi } from '../../../core/credits/credits-api';
import { CreditsStore } from '../../../core/credits/credits.store';
import { IDEMPOTENCY_KEYS } from '../../../core/credits/payments';
import { StudioStore } from '../../../core/studio/studio.store';

/**
 * How long to keep asking whether a purchase went through (the bank's answer, or Stripe's webhook, may take a
 * moment): about half a minute, then the page says it is pending and offers to check again.
 */
export const FOLLOW_UP_DELAYS_MS = [1000, 1000, 2000, 2000, 3000, 3000, 5000, 5000, 8000] as const;

/** Where a payment stands, as the API answered it. */
export type PaymentOutcome =
  /** The credits are on the balance. */
  | { kind: 'succeeded'; purchase: Purchase }
  /** Nothing was charged or added: the card's (or the bank's) reason. */
  | { kind: 'declined'; reason: string }
  /** The bank asks the member to confirm (3-D Secure); `problem` when sending their answer failed. */
  | { kind: 'confirm'; purchase: Purchase; problem?: string }
  /** The bank has not answered yet: the credits come once it does. */
  | { kind: 'pending'; purchase: Purchase }
  /** No answer reached us: paying again retries the same attempt, so the card is charged at most once. */
  | { kind: 'error'; message: string };

/** One press of "Pay" for a package with a card, under one `Idempotency-Key`. */
interface Attempt {
  key: string;
  packageId: string;
  paymentMethodId: string;
}

interface BuyCreditsState {
  packages: CreditPackage[];
  loading: boolean;
  error: string | null;
  selectedId: string | null;
  /** What is on its way: the payment, the member's answer to the bank, or a look at whether the bank answered. */
  busy: 'paying' | 'confirming' | 'checking' | null;
  outcome: PaymentOutcome | null;
}

const initialState: BuyCreditsState = { packages: [], loading: true, error: null, selectedId: null, busy: null, outcome: null };

/**
 * Buying credits: the packages on sale, the one chosen, and a payment followed to its end: paid, declined, waiting
 * for the member's confirmation at the bank (3-D Secure), or pending. The API decides each; this only follows it.
 * Provided at the route.
 */
export const BuyCreditsStore = signalStore(
  withState(initialState),
  withComputed(({ packages, selectedId }, studio = inject(StudioStore)) => ({
    selected: computed(() => packages().find((candidate) => candidate.id === selectedId()) ?? null),
    /** How cards are taken (GET /studio); null while the studio is unknown. */
    payments: computed<PaymentsConfig | null>(() => studio.studio()?.payments ?? null),
  })),
  withMethods((store, api = inject(CreditsApi), credits = inject(CreditsStore), newKey = inject(IDEMPOTENCY_KEYS)) => {
    /** The attempt whose answer never arrived: paying again with the same package and card retries it. */
    let unanswered: Attempt | null = null;
    let destroyed = false;
    const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

    const show = (outcome: PaymentOutcome | null) => patchState(store, { outcome });

    /** Shows where the purchase stands; asks again while the bank has not answered. */
    const settle = async (purchase: Purchase): Promise<void> => {
      switch (purchase.status) {
        case 'succeeded':
          // The balance the success message shows is the one the API has now.
          await credits.refresh();
          return show({ kind: 'succeeded', purchase });
        case 'failed':
          return show({ kind: 'declined', reason: purchase.failureReason ?? 'The payment did not go through.' });
        case 'requires_action':
          return show({ kind: 'confirm', purchase });
        case 'pending':
          return followUp(purchase);
      }
    };

    /** Reads the purchase until the bank's answer (or Stripe's webhook) has settled it, for about half a minute. */
    const followUp = async (purchase: Purchase): Promise<void> => {
      patchState(store, { busy: 'checking' });
      try {
        for (const delay of FOLLOW_UP_DELAYS_MS) {
          await wait(delay);
          if (destroyed) return;
          const now = await firstValueFrom(api.purchaseById(purchase.id));
          if (isSettled(now)) return await settle(now);
        }
        show({ kind: 'pending', purchase });
      } catch {
        // The payment itself went ahead; only the look at it failed.
        show({ kind: 'pending', purchase });
      } finally {
        patchState(store, { busy: null });
      }
    };

    return {
      async loadPackages(): Promise<void> {
        patchState(store, { loading: true, error: null });
        try {
          patchState(store, { packages: await firstValueFrom(api.packages()), loading: false });
        } catch (error) {
          patchState(store, { loading: false, error: describeProblem(toProblem(error)) });
        }
      },

      choose(packageId: string): void {
        if (store.busy()) return;
        patchState(store, { selectedId: packageId, outcome: null });
      },

      /** Back to the packages after a purchase, to buy another. */
      startOver(): void {
        patchState(store, { selectedId: null, outcome: null });
      },

      /** Pays for the chosen package with the card; a retry after a lost answer is the same attempt (same key). */
      async pay(paymentMethodId: string): Promise<void> {
        const chosen = store.selected();
        if (!chosen || store.busy()) return;
        const same = unanswered?.packageId === chosen.id && unanswered.paymentMethodId === paymentMethodId;
        const attempt: Attempt = same && unanswered ? unanswered : { key: newKey(), packageId: chosen.id, paymentMethodId };
        unanswered = null;
        patchState(store, { busy: 'paying', outcome: null });
        let purchase: Purchase;
        try {
          purchase = await firstValueFrom(api.purchase({ packageId: chosen.id, paymentMethodId }, attempt.key));
        } catch (error) {
          const problem = toProblem(error);
          if (mayHaveGoneThrough(problem)) unanswered = attempt;
          show(
            problem.code === 'PAYMENT_FAILED'
              ? { kind: 'declined', reason: declineReason(problem) }
              : { kind: 'error', message: describeProblem(problem) },
          );
          patchState(store, { busy: null });
          return;
        }
        patchState(store, { busy: null });
        await settle(purchase);
      },

      /** Test mode: the member's answer on the stand-in for the bank's page. */
      async answerTestAuthentication(answer: TestAuthenticationBody['outcome']): Promise<void> {
        const outcome = store.outcome();
        if (outcome?.kind !== 'confirm' || store.busy()) return;
        patchState(store, { busy: 'confirming' });
        let purchase: Purchase;
        try {
          purchase = await firstValueFrom(api.answerTestAuthentication(outcome.purchase.id, answer));
        } catch (error) {
          show({ ...outcome, problem: describeProblem(toProblem(error)) });
          patchState(store, { busy: null });
          return;
        }
        patchState(store, { busy: null });
        await settle(purchase);
      },

      /** Stripe mode: the member went through the bank's step; Stripe's webhook settles the purchase. */
      async afterBankStep(): Promise<void> {
        const outcome = store.outcome();
        if (outcome?.kind === 'confirm' || outcome?.kind === 'pending') await followUp(outcome.purchase);
      },

      /** Stripe mode: the bank's step failed (Stripe's reason); nothing was charged. */
      bankRefused(reason: string): void {
        show({ kind: 'declined', reason });
      },

      /** While pending: asks once more whether the bank has answered. */
      async checkAgain(): Promise<void> {
        const outcome = store.outcome();
        if (outcome?.kind !== 'pending' || store.busy()) return;
        patchState(store, { busy: 'checking' });
        try {
          const purchase = await firstValueFrom(api.purchaseById(outcome.purchase.id));
          patchState(store, { busy: null });
          if (isSettled(purchase)) await settle(purchase);
        } catch {
          patchState(store, { busy: null });
        }
      },

      _destroy(): void {
        destroyed = true;
      },
    };
  }),
  withHooks({
    onInit(store) {
      void store.loadPackages();
    },
    onDestroy(store) {
      store._destroy();
    },
  }),
);

/** Paid or failed: the bank has answered, and nothing about the purchase changes any more. */
function isSettled(purchase: Purchase): boolean {
  return purchase.status === 'succeeded' || purchase.status === 'failed';
}

/** No answer, or one that says the request is still running: the card may have been charged, so a retry must be the same attempt. */
function mayHaveGoneThrough(problem: ApiProblem): boolean {
  return problem.code === NETWORK_ERROR || problem.status >= 500 || problem.code === 'IDEMPOTENCY_IN_PROGRESS';
}

/** The card's reason, without the API's "The payment failed: " in front (the page says that already). */
function declineReason(problem: ApiProblem): string {
  return problem.detail.replace(/^The payment failed:\s*/, '') || 'Your card was declined.';
}
