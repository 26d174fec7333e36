import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

/** The trainer area: its sections (templates, classes, today at the door) side by side above the page. */
@Component({
  selector: 'ff-trainer-layout',
  imports: [MatButtonModule, RouterLink, RouterLinkActive, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="sections" aria-label="Trainer tools">
      <a mat-button routerLink="templates" routerLinkActive="active" ariaCurrentWhenActive="page">Class templates</a>
      <a mat-button routerLink="classes" routerLinkActive="active" ariaCurrentWhenActive="page">My classes</a>
      <a mat-button routerLink="today" routerLinkActive="active" ariaCurrentWhenActive="page">Today</a>
    </nav>
    <router-outlet />
  `,
  styles: `
    .sections {
      display: flex;
      gap: 4px;
      max-width: 1040px;
      margin: 0 auto;
      padding: 12px 16px 0;
      box-sizing: border-box;
    }
    .active {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class TrainerLayout {}
