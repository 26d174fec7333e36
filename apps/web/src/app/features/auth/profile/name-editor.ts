import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { NAME_MAX_LENGTH } from '../../../core/api/api-paths';
import { AuthStore } from '../../../core/auth/auth.store';
import { errorMessage, readyToSend, showRefusal } from '../../../core/forms/form-errors';
import { notBlank } from '../../../core/forms/validators';
import { ProfileStore } from './profile.store';

/** The person's name, shown with an Edit button that turns it into a small form (Save, Cancel). */
@Component({
  selector: 'ff-name-editor',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (editing()) {
      <form [formGroup]="form" (ngSubmit)="save()" (keydown.escape)="cancel()" novalidate>
        <mat-form-field>
          <mat-label>Name</mat-label>
          <input #nameInput matInput type="text" formControlName="name" autocomplete="name" />
          <mat-error>{{ nameError() }}</mat-error>
        </mat-form-field>
        @if (formError(); as message) {
          <p class="ff-alert" role="alert">{{ message }}</p>
        }
        <div class="actions">
          <button mat-button type="button" (click)="cancel()">Cancel</button>
          <button mat-flat-button type="submit" [disabled]="store.savingName()">Save</button>
        </div>
      </form>
    } @else {
      <div class="shown">
        <dl>
          <div>
            <dt>Name</dt>
            <dd>{{ auth.user()?.name }}</dd>
          </div>
        </dl>
        <button #editButton mat-stroked-button type="button" aria-label="Edit name" (click)="edit()">Edit</button>
      </div>
    }
  `,
  styleUrls: ['./profile-details.scss'],
  styles: `
    :host {
      display: block;
    }
    .shown {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
    }
    dl {
      min-width: 0;
    }
    form {
      display: flex;
      flex-direction: column;
    }
    mat-form-field {
      width: 100%;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
})
export class NameEditor {
  protected readonly auth = inject(AuthStore);
  protected readonly store = inject(ProfileStore);
  protected readonly editing = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, notBlank, Validators.maxLength(NAME_MAX_LENGTH)]],
  });
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);
  private readonly nameInput = viewChild('nameInput', { read: ElementRef<HTMLInputElement> });
  private readonly editButton = viewChild('editButton', { read: ElementRef<HTMLButtonElement> });

  protected nameError(): string {
    return errorMessage(this.form.controls.name, {
      required: 'Enter your name',
      maxlength: `Use at most ${NAME_MAX_LENGTH} characters`,
    });
  }

  protected edit(): void {
    this.form.reset({ name: this.auth.user()?.name ?? '' });
    this.formError.set(null);
    this.editing.set(true);
    this.#focusAfterRender(() => this.nameInput());
  }

  protected cancel(): void {
    this.editing.set(false);
    this.#focusAfterRender(() => this.editButton());
  }

  protected async save(): Promise<void> {
    if (this.store.savingName()) return;
    this.formError.set(null);
    if (!readyToSend(this.#host.nativeElement, this.form)) return;
    const name = this.form.controls.name.value;
    // The same name again: nothing to save.
    if (name.trim() === this.auth.user()?.name) {
      this.cancel();
      return;
    }
    const result = await this.store.rename(name);
    if (result.ok) {
      this.cancel();
      return;
    }
    this.formError.set(result.formError);
    showRefusal(this.#host.nativeElement, this.form, result.fieldErrors);
  }

  #focusAfterRender(target: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(() => target()?.nativeElement.focus(), { injector: this.#injector });
  }
}
