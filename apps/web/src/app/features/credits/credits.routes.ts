import type { Routes } from '@angular/router';
import { BuyCreditsPage } from './buy/buy-credits-page';
import { BuyCreditsStore } from './buy/buy-credits.store';
import { CreditsPage } from './credits-page';
import { TransactionsStore } from './transactions.store';

/** The member's credits and buying more (signed in: guarded in app.routes.ts). */
export const creditsRoutes: Routes = [
  { path: '', title: 'Credits', providers: [TransactionsStore], component: CreditsPage },
  { path: 'buy', title: 'Buy credits', providers: [BuyCreditsStore], component: BuyCreditsPage },
];
