import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'ff-forbidden-page',
  imports: [MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ff-page ff-page--narrow error-page">
      <p class="code" aria-hidden="true">403</p>
      <h1>You do not have access to this page</h1>
      <p class="ff-muted">Your account's role does not include this section. Ask the studio if you think it should.</p>
      <a mat-flat-button routerLink="/">Go to the schedule</a>
    </div>
  `,
  styleUrl: './error-page.scss',
})
export class ForbiddenPage {}
