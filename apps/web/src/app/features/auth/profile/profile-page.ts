import { TitleCasePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { AuthStore } from '../../../core/auth/auth.store';

@Component({
  selector: 'ff-profile-page',
  imports: [MatCardModule, TitleCasePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ff-page ff-page--narrow">
      <h1>Your profile</h1>
      @if (auth.user(); as user) {
        <mat-card appearance="outlined">
          <mat-card-content>
            <dl>
              <div>
                <dt>Name</dt>
                <dd>{{ user.name }}</dd>
              </div>
              <div>
                <dt>Email</dt>
                <dd>{{ user.email }}</dd>
              </div>
              <div>
                <dt>Role</dt>
                <dd>{{ user.role | titlecase }}</dd>
              </div>
            </dl>
          </mat-card-content>
        </mat-card>
      }
    </div>
  `,
  styles: `
    dl {
      margin: 0;
      display: grid;
      gap: 16px;
    }
    dt {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 4px 0 0;
      font: var(--mat-sys-body-large);
      overflow-wrap: anywhere;
    }
  `,
})
export class ProfilePage {
  protected readonly auth = inject(AuthStore);
}
