import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { CreditsStore } from '../../core/credits/credits.store';
import { StudioStore } from '../../core/studio/studio.store';
import { CLOCK, dateKeyOf, formatDay } from '../../core/time/studio-time';
import { LoadError } from '../../core/ui/load-error';
import { StudioDatePipe } from '../../core/ui/studio-date.pipe';
import { describeAmount, signedCredits, transactionTypeLabel } from './credit-labels';
import { TRANSACTIONS_PAGE_SIZE, TransactionsStore } from './transactions.store';

/** The member's credits: the balance, until when it is valid, and every movement of it, newest first. */
@Component({
  selector: 'ff-credits-page',
  imports: [LoadError, MatButtonModule, MatCardModule, MatPaginatorModule, MatProgressBarModule, RouterLink, StudioDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './credits-page.html',
  styleUrl: './credits-page.scss',
})
export class CreditsPage {
  protected readonly store = inject(TransactionsStore);
  protected readonly credits = inject(CreditsStore);
  protected readonly studio = inject(StudioStore);
  readonly #clock = inject(CLOCK);

  protected readonly pageSize = TRANSACTIONS_PAGE_SIZE;
  protected readonly typeLabel = transactionTypeLabel;
  protected readonly signed = signedCredits;
  protected readonly inWords = describeAmount;
  protected readonly entryTime: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

  /** "Monday 7 December" (with the year when it is not this one); null when the credits do not expire. */
  protected readonly validUntil = computed(() => {
    const until = this.credits.membership()?.validUntil;
    if (!until) return null;
    const zone = this.studio.timeZone();
    return formatDay(dateKeyOf(until, zone), Number(dateKeyOf(this.#clock(), zone).slice(0, 4)));
  });

  constructor() {
    // The balance beside the history is the one the API has now.
    void this.credits.refresh();
  }

  protected onPage(event: PageEvent): void {
    this.store.loadPage(event.pageIndex + 1);
  }
}
