import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { AuthStore } from '../../core/auth/auth.store';

/** The trainers' section. Class templates and sessions arrive here next. */
@Component({
  selector: 'ff-trainer-page',
  imports: [MatCardModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ff-page">
      <h1>Trainer tools</h1>
      <mat-card appearance="outlined">
        <mat-card-content>
          <p>Hi {{ auth.user()?.name }}, this is where you will manage your class templates and sessions.</p>
          <p class="ff-muted">These tools are coming soon.</p>
        </mat-card-content>
      </mat-card>
    </div>
  `,
})
export class TrainerPage {
  protected readonly auth = inject(AuthStore);
}
