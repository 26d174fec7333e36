import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { Role, User } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { describeRoleChange } from './role-change';

export interface ChangeRoleDialogData {
  user: Pick<User, 'name' | 'role'>;
  role: Role;
}

/**
 * Asks before an admin gives someone another role, saying in plain words what they gain or lose. Closes with true
 * when confirmed; the change itself can still be undone from the toast that follows.
 */
@Component({
  selector: 'ff-change-role-dialog',
  imports: [MatButtonModule, MatDialogModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ wording.title }}</h2>
    <mat-dialog-content>
      <p>{{ wording.consequence }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">{{ wording.confirm }}</button>
    </mat-dialog-actions>
  `,
})
export class ChangeRoleDialog {
  readonly #data = inject<ChangeRoleDialogData>(MAT_DIALOG_DATA);
  protected readonly wording = describeRoleChange(this.#data.user, this.#data.role);
}
