import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { StudioStore } from '../../core/studio/studio.store';
import { LoadMore } from '../../core/ui/load-more';
import { SessionCard } from '../../shared/sessions/session-card';
import { TodayStore } from './today.store';

/** A trainer's classes today, each leading to its roster at the door (an admin's: every class today). */
@Component({
  selector: 'ff-today-page',
  imports: [LoadMore, MatButtonModule, MatProgressBarModule, RouterLink, SessionCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ff-page">
      <h1>Today</h1>
      <p class="ff-muted intro">
        {{ store.isAdmin() ? 'Every class' : 'Your classes' }} on {{ store.dayLabel() }}. Open a class's roster to check
        members in at the door. Times are the studio's ({{ studio.timeZoneLabel() }}).
      </p>

      <div class="progress">
        @if (store.loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading today's classes" />
        }
      </div>

      @if (store.error(); as error) {
        <p class="ff-alert" role="alert">{{ error }}</p>
      }

      @if (!store.loading()) {
        <ul class="sessions" aria-label="Today's classes">
          @for (session of store.shown(); track session.id) {
            <li>
              <ff-session-card [session]="session" [timeZone]="store.timeZone()">
                @if (session.status !== 'cancelled') {
                  <div class="actions">
                    <a mat-flat-button [routerLink]="[session.id]" [attr.aria-describedby]="'session-' + session.id + '-name'">
                      Roster and check-in
                    </a>
                  </div>
                }
              </ff-session-card>
            </li>
          } @empty {
            @if (!store.error()) {
              <li class="empty">
                <h2>No classes today</h2>
                <p class="ff-muted">Classes you lead today show up here, with their roster for the door.</p>
              </li>
            }
          }
        </ul>
        @if (store.hasMore()) {
          <ff-load-more
            [shown]="store.sessions().length"
            [total]="store.total()"
            noun="classes"
            [loading]="store.loadingMore()"
            (more)="store.loadMore()"
          />
        }
      }
    </div>
  `,
  styleUrl: '../trainer/trainer-page.scss',
  styles: `
    .sessions {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 420px), 1fr));
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    /* Above the card's stretched link, so the button takes its own clicks. */
    .actions {
      position: relative;
      z-index: 1;
      display: flex;
      justify-content: flex-end;
      margin-top: 12px;
    }
    .empty {
      grid-column: 1 / -1;
      padding: 32px 16px;
      text-align: center;
    }
  `,
})
export class TodayPage {
  protected readonly store = inject(TodayStore);
  protected readonly studio = inject(StudioStore);
}
