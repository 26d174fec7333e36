import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'ff-not-found-page',
  imports: [MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ff-page ff-page--narrow error-page">
      <p class="code" aria-hidden="true">404</p>
      <h1>Page not found</h1>
      <p class="ff-muted">There is no page at this address. It may have moved, or the link may be wrong.</p>
      <a mat-flat-button routerLink="/">Go to the schedule</a>
    </div>
  `,
  styleUrl: './error-page.scss',
})
export class NotFoundPage {}
