import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import type { CreditPackage } from '@fitflow/api-contract';
import { NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { fromMinorUnits, minorUnitDigits, toMinorUnits } from '../../../core/credits/money';
import { errorMessage, readyToSend, showRefusal } from '../../../core/forms/form-errors';
import { intRange, notBlank, wholeNumber } from '../../../core/forms/validators';
import { StudioStore } from '../../../core/studio/studio.store';
import { STUDIO_LOCALE } from '../../../core/time/studio-locale';
import { PackagesStore } from './packages.store';

export interface PackageDialogData {
  /** The package to edit; none to create one. */
  pkg?: CreditPackage;
}

/* The contract's rules for a package (creditPackageBodySchema), checked here first so the form answers at once. */
const NAME_MAX = 80;
const MAX_CREDITS = 1_000;
const MIN_PRICE_MINOR = 50;
const MAX_PRICE_MINOR = 10_000_000;
const MAX_VALIDITY_DAYS = 3_660;
const CURRENCY = /^[A-Za-z]{3}$/;

/** Creates or edits a credit package; the price is typed in the currency's main unit (80.00), sent in minor units. */
@Component({
  selector: 'ff-package-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './package-dialog.html',
  styles: `
    mat-form-field {
      width: 100%;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
      gap: 0 12px;
    }
    mat-dialog-content {
      padding-top: 8px !important;
    }
  `,
})
export class PackageDialog {
  readonly #store = inject(PackagesStore);
  readonly #ref = inject<MatDialogRef<PackageDialog, boolean>>(MatDialogRef);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly pkg = inject<PackageDialogData>(MAT_DIALOG_DATA).pkg;
  readonly #currency = this.pkg?.currency ?? inject(StudioStore).studio()?.currency ?? 'EUR';

  protected readonly pending = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.pkg?.name ?? '', [Validators.required, notBlank, Validators.maxLength(NAME_MAX)]],
    credits: [(this.pkg?.credits ?? 10) as number | null, [Validators.required, wholeNumber, intRange(1, MAX_CREDITS)]],
    price: [
      (this.pkg ? fromMinorUnits(this.pkg.priceCents, this.pkg.currency) : null) as number | null,
      [Validators.required, (control: AbstractControl<number | null>) => this.#priceProblem(control)],
    ],
    currency: [this.#currency, [Validators.required, Validators.pattern(CURRENCY)]],
    validityDays: [(this.pkg?.validityDays ?? 90) as number | null, [Validators.required, wholeNumber, intRange(1, MAX_VALIDITY_DAYS)]],
  });

  readonly #currencyValue = toSignal(this.form.controls.currency.valueChanges, { initialValue: this.#currency });
  /** The currency typed, when it is one (for the price's step and limits). */
  protected readonly currency = computed(() => {
    const code = this.#currencyValue().trim().toUpperCase();
    return CURRENCY.test(code) ? code : null;
  });
  protected readonly priceStep = computed(() => 1 / 10 ** minorUnitDigits(this.currency() ?? 'EUR'));

  constructor() {
    // Whether a price fits depends on the currency (0.5 is fine in EUR, not in JPY).
    this.form.controls.currency.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.form.controls.price.updateValueAndValidity());
  }

  protected nameError(): string {
    return errorMessage(this.form.controls.name, { required: 'Name the package', maxlength: `Use at most ${NAME_MAX} characters` });
  }

  protected creditsError(): string {
    return errorMessage(this.form.controls.credits, {
      required: 'Enter how many credits it gives',
      wholeNumber: 'Enter a whole number',
      range: `From 1 to ${MAX_CREDITS} credits`,
    });
  }

  protected priceError(): string {
    return errorMessage(this.form.controls.price, {
      required: 'Enter the price',
      precision: 'Use the currency’s smallest unit at most (such as 0.01)',
      range: () => `From ${this.#major(MIN_PRICE_MINOR)} to ${this.#major(MAX_PRICE_MINOR)}`,
    });
  }

  protected currencyError(): string {
    return errorMessage(this.form.controls.currency, {
      required: 'Enter a currency code',
      pattern: 'Use a three-letter currency code such as EUR',
    });
  }

  protected validityError(): string {
    return errorMessage(this.form.controls.validityDays, {
      required: 'Enter how many days the credits last',
      wholeNumber: 'Enter whole days',
      range: `From 1 to ${MAX_VALIDITY_DAYS} days`,
    });
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    this.formError.set(null);
    if (!readyToSend(this.#host.nativeElement, this.form)) return;
    const value = this.form.getRawValue();
    const currency = value.currency.trim().toUpperCase();
    this.pending.set(true);
    const result = await this.#store.save(
      {
        name: value.name.trim(),
        credits: value.credits as number,
        priceCents: toMinorUnits(value.price as number, currency),
        currency,
        validityDays: value.validityDays as number,
      },
      this.pkg,
    );
    this.pending.set(false);
    if (result.ok) {
      this.#ref.close(true);
      return;
    }
    this.formError.set(result.formError);
    showRefusal(this.#host.nativeElement, this.form, result.fieldErrors);
  }

  /** A price the currency can express (no fraction of its smallest unit), within the contract's limits. */
  #priceProblem(control: AbstractControl<number | null>): ValidationErrors | null {
    const value = control.value;
    if (value === null || typeof value !== 'number' || Number.isNaN(value)) return null;
    const currency = this.#codeOf(this.form?.controls.currency.value);
    const minor = value * 10 ** minorUnitDigits(currency);
    if (Math.abs(minor - Math.round(minor)) > 1e-6) return { precision: true };
    return minor < MIN_PRICE_MINOR || minor > MAX_PRICE_MINOR ? { range: true } : null;
  }

  #major(minor: number): string {
    const currency = this.currency() ?? 'EUR';
    return fromMinorUnits(minor, currency).toLocaleString(STUDIO_LOCALE, { minimumFractionDigits: minorUnitDigits(currency) });
  }

  #codeOf(raw: string | undefined): string {
    const code = (raw ?? this.#currency).trim().toUpperCase();
    return CURRENCY.test(code) ? code : 'EUR';
  }
}
