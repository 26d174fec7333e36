import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { AuthStore } from '../../core/auth/auth.store';
import { StudioStore } from '../../core/studio/studio.store';

/** Home. The class schedule arrives here next; until then it welcomes people and points them on. */
@Component({
  selector: 'ff-schedule-page',
  imports: [MatCardModule, MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ff-page">
      <h1>Schedule</h1>
      <mat-card appearance="outlined" class="placeholder">
        <mat-card-content>
          <p class="lead">The class schedule of {{ studio.name() }} is coming soon.</p>
          @if (auth.user(); as user) {
            <p class="ff-muted">Welcome, {{ user.name }}. You will book classes here.</p>
          } @else {
            <p class="ff-muted">Create an account now to be ready to book your first class.</p>
            <div class="actions">
              <a mat-flat-button routerLink="/register">Create an account</a>
              <a mat-button routerLink="/sign-in">I already have an account</a>
            </div>
          }
        </mat-card-content>
      </mat-card>
    </div>
  `,
  styles: `
    .placeholder {
      padding: 8px;
    }
    .lead {
      font: var(--mat-sys-title-medium);
      margin-top: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 16px;
    }
  `,
})
export class SchedulePage {
  protected readonly auth = inject(AuthStore);
  protected readonly studio = inject(StudioStore);
}
