import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Session } from '@fitflow/api-contract';
import { spotsBadge, statusBadge } from './session-labels';

/** A session's state ("Draft", "Cancelled", …) and spots ("3 left", "Full") as small labels. */
@Component({
  selector: 'ff-session-badges',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (status(); as badge) {
      <span class="badge" [attr.data-kind]="badge.kind">{{ badge.label }}</span>
    }
    @if (spots(); as badge) {
      <span class="badge" [attr.data-kind]="badge.kind">{{ badge.label }}</span>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .badge {
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    [data-kind='few'] {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    [data-kind='full'],
    [data-kind='cancelled'] {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    [data-kind='draft'] {
      background: transparent;
      color: var(--mat-sys-on-surface);
      box-shadow: inset 0 0 0 1px var(--mat-sys-outline);
    }
    [data-kind='past'] {
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SessionBadges {
  readonly session = input.required<Session>();
  protected readonly status = computed(() => statusBadge(this.session()));
  protected readonly spots = computed(() => spotsBadge(this.session()));
}
