import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Session } from '@fitflow/api-contract';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { formatDuration, minutesBetween, timeOfDayOf } from '../../core/time/studio-time';
import { SessionBadges } from './session-badges';

/**
 * One session on a list: start time and length in the studio's zone, name (a link to its page), trainer, and
 * badges for its state and spots. Projected content (a trainer's actions) goes at the bottom.
 */
@Component({
  selector: 'ff-session-card',
  imports: [MatCardModule, RouterLink, SessionBadges],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session-card.html',
  styleUrl: './session-card.scss',
})
export class SessionCard {
  readonly session = input.required<Session>();
  readonly timeZone = input.required<string>();
  /** The id of the name's heading, for actions that refer to it (aria-describedby). */
  readonly headingId = computed(() => `session-${this.session().id}-name`);

  protected readonly start = computed(() => timeOfDayOf(this.session().startsAt, this.timeZone()));
  protected readonly end = computed(() => timeOfDayOf(this.session().endsAt, this.timeZone()));
  protected readonly duration = computed(() =>
    formatDuration(minutesBetween(this.session().startsAt, this.session().endsAt)),
  );
}
