import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { CreditTransaction, Membership, User } from '@fitflow/api-contract';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { describeProblem, toProblem } from '../../../core/api/problem';
import { CreditsApi } from '../../../core/credits/credits-api';
import { errorMessage, placeFieldErrors, readyToSend, showRefusal } from '../../../core/forms/form-errors';
import { intRange, notBlank, wholeNumber } from '../../../core/forms/validators';
import { StudioStore } from '../../../core/studio/studio.store';
import { StudioDatePipe } from '../../../core/ui/studio-date.pipe';

export interface AdjustCreditsDialogData {
  user: Pick<User, 'id' | 'name'>;
}

/* The contract's rules for an adjustment (creditAdjustmentBodySchema). */
const MAX_AMOUNT = 1_000;
const REASON_MIN = 3;
const REASON_MAX = 200;

/**
 * An admin adds credits to a user's balance or takes some away, with the reason the ledger keeps; the balance as it
 * is now is shown first. Closes with the API's ledger entry once done.
 */
@Component({
  selector: 'ff-adjust-credits-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    StudioDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Adjust {{ user.name }}'s credits</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="balance" aria-live="polite">
          @if (membership(); as current) {
            Current balance: <strong>{{ current.credits === 1 ? '1 credit' : current.credits + ' credits' }}</strong>
            @if (current.validUntil) {
              <span class="ff-muted"> (valid until {{ current.validUntil | studioDate: timeZone() }})</span>
            }
          } @else if (balanceError(); as error) {
            <span class="ff-muted">{{ error }}</span>
          } @else {
            <span class="ff-muted">Reading the balance…</span>
          }
        </p>

        <mat-button-toggle-group formControlName="direction" aria-label="Add or take away" hideSingleSelectionIndicator class="direction">
          <mat-button-toggle value="add">Add</mat-button-toggle>
          <mat-button-toggle value="take">Take away</mat-button-toggle>
        </mat-button-toggle-group>

        <mat-form-field>
          <mat-label>Credits</mat-label>
          <input matInput type="number" inputmode="numeric" formControlName="amount" min="1" [max]="maxAmount" />
          <mat-error>{{ amountError() }}</mat-error>
        </mat-form-field>

        <mat-form-field>
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="2"></textarea>
          <mat-hint>Kept in the member's history, such as "Class cancelled by the studio"</mat-hint>
          <mat-error>{{ reasonError() }}</mat-error>
        </mat-form-field>

        @if (formError(); as message) {
          <p class="ff-alert" role="alert">{{ message }}</p>
        }
      </mat-dialog-content>

      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="pending()">{{ submitLabel() }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
    mat-dialog-content {
      padding-top: 8px !important;
    }
    .balance {
      margin: 0 0 16px;
    }
    .direction {
      margin-bottom: 16px;
    }
  `,
})
export class AdjustCreditsDialog {
  readonly #api = inject(CreditsApi);
  readonly #ref = inject<MatDialogRef<AdjustCreditsDialog, CreditTransaction>>(MatDialogRef);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly user = inject<AdjustCreditsDialogData>(MAT_DIALOG_DATA).user;
  protected readonly timeZone = inject(StudioStore).timeZone;
  protected readonly maxAmount = MAX_AMOUNT;

  protected readonly membership = signal<Membership | null>(null);
  protected readonly balanceError = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    direction: ['add' as 'add' | 'take'],
    amount: [null as number | null, [Validators.required, wholeNumber, intRange(1, MAX_AMOUNT)]],
    reason: ['', [Validators.required, notBlank, Validators.minLength(REASON_MIN), Validators.maxLength(REASON_MAX)]],
  });

  readonly #direction = toSignal(this.form.controls.direction.valueChanges, { initialValue: this.form.controls.direction.value });
  protected readonly submitLabel = computed(() => (this.#direction() === 'add' ? 'Add credits' : 'Take credits'));

  constructor() {
    void this.#loadBalance();
  }

  protected amountError(): string {
    return errorMessage(this.form.controls.amount, {
      required: 'Enter how many credits',
      wholeNumber: 'Enter a whole number',
      range: `From 1 to ${MAX_AMOUNT} credits at once`,
    });
  }

  protected reasonError(): string {
    return errorMessage(this.form.controls.reason, {
      required: 'Say why',
      minlength: `Say why, in at least ${REASON_MIN} characters`,
      maxlength: `Use at most ${REASON_MAX} characters`,
    });
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    this.formError.set(null);
    if (!readyToSend(this.#host.nativeElement, this.form)) return;
    const { direction, amount, reason } = this.form.getRawValue();
    const signed = direction === 'add' ? (amount as number) : -(amount as number);
    this.pending.set(true);
    try {
      this.#ref.close(await firstValueFrom(this.#api.adjust(this.user.id, { amount: signed, reason: reason.trim() })));
    } catch (error) {
      const problem = toProblem(error);
      // The API's own sentence where there is one: the app's usual words speak to the member ("You do not have…").
      const placed = placeFieldErrors(problem, ['amount', 'reason']);
      this.formError.set(problem.code === 'VALIDATION_FAILED' ? placed.formError : problem.detail || describeProblem(problem));
      showRefusal(this.#host.nativeElement, this.form, placed.fieldErrors);
    } finally {
      this.pending.set(false);
    }
  }

  async #loadBalance(): Promise<void> {
    try {
      this.membership.set(await firstValueFrom(this.#api.membershipOf(this.user.id)));
    } catch (error) {
      this.balanceError.set(`The balance could not be read. ${describeProblem(toProblem(error))}`);
    }
  }
}
