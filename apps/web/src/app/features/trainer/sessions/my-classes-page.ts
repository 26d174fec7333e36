import { ChangeDetectionStrategy, Component, Injector, inject } from '@angular/core';
import type { Session } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { StudioStore } from '../../../core/studio/studio.store';
import { openDialog } from '../../../core/ui/dialogs';
import { SessionCard } from '../../../shared/sessions/session-card';
import type { SessionDialogData } from './edit-session-dialog';
import { TrainerSessionsStore } from './trainer-sessions.store';
import { LoadMore } from '../../../core/ui/load-more';
import { TrainerFilter } from '../../../shared/sessions/trainer-filter';
import { LoadError } from '../../../core/ui/load-error';

@Component({
  selector: 'ff-my-classes-page',
  imports: [
    LoadError,
    LoadMore,
    MatButtonModule,
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

  protected edit(session: Session): void {
    void openDialog<SessionDialogData, boolean>(this.#injector, () => import('./edit-session-dialog').then((m) => m.EditSessionDialog), {
      data: { session },
    });
  }

  protected cancel(session: Session): void {
    void openDialog<SessionDialogData, boolean>(
      this.#injector,
      () => import('./cancel-session-dialog').then((m) => m.CancelSessionDialog),
      { data: { session } },
    );
  }
}
