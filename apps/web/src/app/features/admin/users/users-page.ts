import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { Role, User } from '@fitflow/api-contract';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule, type MatSelectChange } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { AuthStore } from '../../../core/auth/auth.store';
import { StudioStore } from '../../../core/studio/studio.store';
import { StudioDatePipe } from '../../../core/ui/studio-date.pipe';
import { LoadError } from '../../../core/ui/load-error';
import { emailBreaks } from './email-breaks';
import { UsersStore } from './users.store';

@Component({
  selector: 'ff-users-page',
  imports: [
    LoadError,
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

  protected readonly columns = ['name', 'email', 'role', 'createdAt'];
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

  protected async onRoleChange(user: User, change: MatSelectChange<Role>): Promise<void> {
    const changed = await this.store.changeRole(user, change.value);
    // Refused: show the role the user still has.
    if (!changed) change.source.value = user.role;
  }
}
