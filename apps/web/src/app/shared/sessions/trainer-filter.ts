import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { Trainer } from '@fitflow/api-contract';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';

/** "Trainer: All trainers / Tess / …": a list filtered by one trainer, or not (null). */
@Component({
  selector: 'ff-trainer-filter',
  imports: [MatFormFieldModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>Trainer</mat-label>
      <mat-select [value]="trainerId() ?? ''" (selectionChange)="trainerChange.emit($event.value || null)">
        <mat-option value="">All trainers</mat-option>
        @for (trainer of trainers(); track trainer.id) {
          <mat-option [value]="trainer.id">{{ trainer.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class TrainerFilter {
  readonly trainers = input.required<readonly Trainer[]>();
  readonly trainerId = input.required<string | null>();
  readonly trainerChange = output<string | null>();
}
