import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

export interface ConfirmDialogData {
  title: string;
  message: string;
  /** The confirming button's text ("Delete"). */
  confirm: string;
  /** The button that backs out ("Keep"). */
  dismiss?: string;
  /** Whether confirming destroys something (a red button, the default) or only changes it. */
  danger?: boolean;
}

/**
 * Asks before something that cannot be undone, or (`danger: false`) before a change worth a second look. Closes with
 * true when confirmed.
 */
@Component({
  selector: 'ff-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ data.dismiss ?? 'Keep' }}</button>
      <button mat-flat-button type="button" [class.danger]="data.danger ?? true" [mat-dialog-close]="true">{{ data.confirm }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
