import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { settle } from '../../../testing/dom';
import { CalendarHeader } from './calendar-header';
import { provideStudioDateAdapter } from './studio-date-adapter';

@Component({
  imports: [MatDatepickerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<mat-calendar [headerComponent]="header" [startAt]="startAt" />`,
})
class CalendarHost {
  protected readonly header = CalendarHeader;
  protected readonly startAt = new Date(2026, 11, 3);
}

async function render() {
  TestBed.configureTestingModule({ imports: [CalendarHost], providers: [provideStudioDateAdapter()] });
  const fixture = TestBed.createComponent(CalendarHost);
  await settle(fixture);
  const root = fixture.nativeElement as HTMLElement;
  const periodButton = () => root.querySelector<HTMLButtonElement>('.mat-calendar-period-button') as HTMLButtonElement;
  return { fixture, root, periodButton };
}

describe('CalendarHeader', () => {
  it('names the month button with the month it shows, then what it does (label in name)', async () => {
    const { periodButton } = await render();
    expect(periodButton().textContent?.trim()).toBe('DEC 2026');
    expect(periodButton().getAttribute('aria-label')).toBe('DEC 2026, Choose month and year');
  });

  it("keeps Material's header at work: the next month, and the years to choose from", async () => {
    const { fixture, root, periodButton } = await render();
    root.querySelector<HTMLButtonElement>('.mat-calendar-next-button')?.click();
    await settle(fixture);
    expect(periodButton().getAttribute('aria-label')).toBe('JAN 2027, Choose month and year');

    periodButton().click();
    await settle(fixture);
    expect(root.querySelector('mat-multi-year-view')).not.toBeNull();
  });
});
