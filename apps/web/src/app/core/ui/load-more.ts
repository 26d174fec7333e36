import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** The foot of a paged list: "Showing 20 of 57 classes" and "Load more". */
@Component({
  selector: 'ff-load-more',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="ff-muted" aria-live="polite">Showing {{ shown() }} of {{ total() }} {{ noun() }}</p>
    <button mat-stroked-button type="button" [disabled]="loading()" (click)="more.emit()">
      {{ loading() ? 'Loading…' : 'Load more' }}
    </button>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      margin-top: 24px;
    }
    p {
      margin: 0;
    }
  `,
})
export class LoadMore {
  readonly shown = input.required<number>();
  readonly total = input.required<number>();
  /** What the list holds, plural: "classes", "bookings". */
  readonly noun = input.required<string>();
  readonly loading = input(false);
  readonly more = output();
}
