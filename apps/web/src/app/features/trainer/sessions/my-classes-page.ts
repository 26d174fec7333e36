import { ChangeDetectionStrategy, Component, Injector, inject } from '@angular/core';
import type { RosterEntry, Session } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { StudioStore } from '../../../core/studio/studio.store';
import type { ConfirmDialogData } from '../../../core/ui/confirm-dialog';
import { openDialog } from '../../../core/ui/dialogs';
import { SessionCard } from '../../../shared/sessions/session-card';
import type { SessionDialogData } from './edit-session-dialog';
import { TrainerSessionsStore } from './trainer-sessions.store';
import { LoadMore } from '../../../core/ui/load-more';
import { TrainerFilter } from '../../../shared/sessions/trainer-filter';
import { LoadError } from '../../../core/ui/load-error';
import { type Badge, describeSession } from '../../../shared/sessions/session-labels';
import { rosterBadge } from '../../door/roster-labels';

@Component({
  selector: 'ff-my-classes-page',
  imports: [
    LoadError,
    LoadMore,
    MatButtonModule,
    MatCheckboxModule,
    MatProgressBarModule,
    RouterLink,
    SessionCard,
    TrainerFilter,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-classes-page.html',
  styleUrls: ['../trainer-page.scss', './my-classes-page.scss'],
})
export class MyClassesPage {
  protected readonly store = inject(TrainerSessionsStore);
  protected readonly studio = inject(StudioStore);
  readonly #injector = inject(Injector);

  protected canChange(session: Session): boolean {
    return session.status === 'draft' || session.status === 'published';
  }

  /** A published class someone booked offers its booked list; a draft has no bookings. */
  protected hasBookings(session: Session): boolean {
    return session.status === 'published' && session.bookedCount > 0;
  }

  /** "1 member", "2 members". */
  protected membersLabel(count: number): string {
    return `${count} ${count === 1 ? 'member' : 'members'}`;
  }

  /** "Checked in 06:58", "Late 07:14", "No-show", as at the door; nothing while still expected. */
  protected badge(entry: RosterEntry): Badge | null {
    return rosterBadge(entry, this.store.timeZone());
  }

  /** "Publish 1 class", "Publish 8 classes". */
  protected publishLabel(count: number): string {
    return `Publish ${count} ${count === 1 ? 'class' : 'classes'}`;
  }

  protected edit(session: Session): void {
    void openDialog<SessionDialogData, boolean>(this.#injector, () => import('./edit-session-dialog').then((m) => m.EditSessionDialog), {
      data: { session },
    });
  }

  /** A published class is cancelled, with a reason every booked member is told. */
  protected cancel(session: Session): void {
    void openDialog<SessionDialogData, boolean>(
      this.#injector,
      () => import('./cancel-session-dialog').then((m) => m.CancelSessionDialog),
      { data: { session } },
    );
  }

  /** A draft nobody has seen is deleted after a plain confirmation: there is nobody to tell. */
  protected async deleteDraft(session: Session): Promise<void> {
    const confirmed = await openDialog<ConfirmDialogData, boolean>(
      this.#injector,
      () => import('../../../core/ui/confirm-dialog').then((m) => m.ConfirmDialog),
      {
        data: {
          title: 'Delete this draft?',
          message: `Nobody has seen it. ${describeSession(session, this.store.timeZone())} is removed from your classes.`,
          confirm: 'Delete draft',
          dismiss: 'Keep draft',
        },
        width: '440px',
      },
    );
    if (confirmed) await this.store.deleteDraft(session);
  }
}
