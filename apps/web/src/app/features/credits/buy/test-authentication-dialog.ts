import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { Purchase, TestAuthenticationBody } from '@fitflow/api-contract';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { formatPrice } from '../../../core/credits/money';

export interface TestAuthenticationDialogData {
  purchase: Purchase;
  studioName: string;
}

export type TestAuthenticationAnswer = TestAuthenticationBody['outcome'];

/**
 * Test mode's stand-in for the bank's 3-D Secure page: the member confirms the payment, or makes it fail. Closes
 * with 'succeed' or 'fail' (undefined when dismissed: the payment keeps waiting for an answer).
 */
@Component({
  selector: 'ff-test-authentication-dialog',
  imports: [MatButtonModule, MatDialogModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Your bank asks you to confirm this payment</h2>
    <mat-dialog-content>
      <p class="test-mode"><strong>Test mode</strong> — this stands in for your bank's 3-D Secure page. No real card is charged.</p>
      <dl class="facts">
        <div>
          <dt>Pay to</dt>
          <dd>{{ data.studioName }}</dd>
        </div>
        <div>
          <dt>For</dt>
          <dd>{{ data.purchase.packageName }}</dd>
        </div>
        <div>
          <dt>Amount</dt>
          <dd>{{ amount }}</dd>
        </div>
      </dl>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="'fail'">Fail</button>
      <button mat-flat-button type="button" [mat-dialog-close]="'succeed'" cdkFocusInitial>Confirm</button>
    </mat-dialog-actions>
  `,
  styles: `
    .test-mode {
      margin: 0 0 16px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font: var(--mat-sys-body-medium);
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0;
    }
    .facts div {
      display: contents;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
  `,
})
export class TestAuthenticationDialog {
  protected readonly data = inject<TestAuthenticationDialogData>(MAT_DIALOG_DATA);
  protected readonly amount = formatPrice(this.data.purchase.priceCents, this.data.purchase.currency);
}
