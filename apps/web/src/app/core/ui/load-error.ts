import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** Why a page or list could not be loaded ("…Please try again."), with the Retry that does it. */
@Component({
  selector: 'ff-load-error',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ff-alert" role="alert">
      <span>{{ message() }}</span>
      <button mat-stroked-button type="button" [disabled]="retrying()" (click)="retry.emit()">Retry</button>
    </div>
  `,
  styles: `
    .ff-alert {
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
    }
  `,
})
export class LoadError {
  readonly message = input.required<string>();
  /** While the retry is on its way: one request at a time. */
  readonly retrying = input(false);
  readonly retry = output();
}
