import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Session } from '@fitflow/api-contract';
import { spotsBadge, statusBadge } from './session-labels';

/** A session's state ("Draft", "Cancelled", …) and spots ("3 left", "Full") as small labels. */
@Component({
  selector: 'ff-session-badges',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (status(); as badge) {
      <span class="ff-badge" [attr.data-kind]="badge.kind">{{ badge.label }}</span>
    }
    @if (spots(); as badge) {
      <span class="ff-badge" [attr.data-kind]="badge.kind">{{ badge.label }}</span>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
  `,
})
export class SessionBadges {
  readonly session = input.required<Session>();
  protected readonly status = computed(() => statusBadge(this.session()));
  protected readonly spots = computed(() => spotsBadge(this.session()));
}
