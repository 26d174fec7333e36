import { ChangeDetectionStrategy, Component, Injector, inject } from '@angular/core';
import type { CreditTransaction, Role, User } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule, type MatSelectChange } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { AuthStore } from '../../../core/auth/auth.store';
import { StudioStore } from '../../../core/studio/studio.store';
import { openDialog } from '../../../core/ui/dialogs';
import { StudioDatePipe } from '../../../core/ui/studio-date.pipe';
import { LoadError } from '../../../core/ui/load-error';
import { ToastService } from '../../../core/ui/toast.service';
import type { AdjustCreditsDialogData } from './adjust-credits-dialog';
import type { ConfirmDialogData } from '../../../core/ui/confirm-dialog';
import { adjustedMessage } from './credit-adjustment';
import { emailBreaks } from './email-breaks';
import { roleChangeConfirmation } from './role-change';
import { UndoToast } from './undo-toast';
import { UsersStore } from './users.store';

@Component({
  selector: 'ff-users-page',
  imports: [
    LoadError,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    StudioDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
})
export class UsersPage {
  protected readonly store = inject(UsersStore);
  protected readonly auth = inject(AuthStore);
  protected readonly studio = inject(StudioStore);
  readonly #injector = inject(Injector);
  readonly #toast = inject(ToastService);
  readonly #undoToast = inject(UndoToast);

  protected readonly columns = ['name', 'email', 'role', 'createdAt', 'credits'];
  protected readonly roles: { value: Role; label: string }[] = [
    { value: 'member', label: 'Member' },
    { value: 'trainer', label: 'Trainer' },
    { value: 'admin', label: 'Admin' },
  ];
  protected readonly emailBreaks = emailBreaks;
  protected readonly trackById = (_index: number, user: User): string => user.id;

  protected onSearch(event: Event): void {
    this.store.search((event.target as HTMLInputElement).value);
  }

  protected onRoleFilter(value: Role | 'all'): void {
    this.store.filterByRole(value === 'all' ? null : value);
  }

  protected onPage(event: PageEvent): void {
    this.store.showPage(event.pageIndex + 1, event.pageSize);
  }

  protected async adjustCredits(user: User): Promise<void> {
    const entry = await openDialog<AdjustCreditsDialogData, CreditTransaction>(
      this.#injector,
      () => import('./adjust-credits-dialog').then((m) => m.AdjustCreditsDialog),
      { data: { user }, width: '480px' },
    );
    if (entry) void this.#toast.success(adjustedMessage(user, entry));
  }

  protected async onRoleChange(user: User, change: MatSelectChange<Role>): Promise<void> {
    this.#undoToast.withdraw();
    const confirmed = await openDialog<ConfirmDialogData, boolean>(
      this.#injector,
      () => import('../../../core/ui/confirm-dialog').then((m) => m.ConfirmDialog),
      { data: roleChangeConfirmation(user, change.value), width: '440px' },
    );
    const changed = confirmed === true && (await this.store.changeRole(user, change.value));
    // Cancelled or refused: show the role the user still has.
    if (!changed) change.source.value = user.role;
  }
}

