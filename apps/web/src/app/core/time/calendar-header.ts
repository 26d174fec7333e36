import { ChangeDetectionStrategy, Component, ViewEncapsulation } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCalendarHeader } from '@angular/material/datepicker';

/**
 * Material's calendar header, whose month button is named only "Choose month and year" while it shows "DEC 2026":
 * someone who speaks to their computer says what they see, and WCAG 2.5.3 (label in name) wants the name to hold it.
 * Here the name starts with the month shown ("DEC 2026, Choose month and year"); all else is Material's header, its
 * behaviour inherited. For a picker's `calendarHeaderComponent`.
 */
@Component({
  selector: 'ff-calendar-header',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Material's own classes, styled by the calendar.
  encapsulation: ViewEncapsulation.None,
  template: `
    <div class="mat-calendar-header">
      <div class="mat-calendar-controls">
        <span [id]="_periodButtonLabelId" class="cdk-visually-hidden" aria-live="polite">{{ periodButtonDescription }}</span>
        <button
          matButton
          type="button"
          class="mat-calendar-period-button"
          [attr.aria-label]="periodButtonText + ', ' + periodButtonLabel"
          [attr.aria-describedby]="_periodButtonLabelId"
          (click)="currentPeriodClicked()"
        >
          <span aria-hidden="true">{{ periodButtonText }}</span>
          <svg
            class="mat-calendar-arrow"
            [class.mat-calendar-invert]="calendar.currentView !== 'month'"
            viewBox="0 0 10 5"
            focusable="false"
            aria-hidden="true"
          >
            <polygon points="0,0 5,5 10,0" />
          </svg>
        </button>
        <div class="mat-calendar-spacer"></div>
        <button
          matIconButton
          type="button"
          class="mat-calendar-previous-button"
          [disabled]="!previousEnabled()"
          disabledInteractive
          [attr.aria-label]="prevButtonLabel"
          (click)="previousClicked()"
        >
          <svg viewBox="0 0 24 24" focusable="false" aria-hidden="true">
            <path d="M15.41 7.41L14 6l-6 6 6 6 1.41-1.41L10.83 12z" />
          </svg>
        </button>
        <button
          matIconButton
          type="button"
          class="mat-calendar-next-button"
          [disabled]="!nextEnabled()"
          disabledInteractive
          [attr.aria-label]="nextButtonLabel"
          (click)="nextClicked()"
        >
          <svg viewBox="0 0 24 24" focusable="false" aria-hidden="true">
            <path d="M10 6L8.59 7.41 13.17 12l-4.58 4.59L10 18l6-6z" />
          </svg>
        </button>
      </div>
    </div>
  `,
})
export class CalendarHeader extends MatCalendarHeader<Date> {}
