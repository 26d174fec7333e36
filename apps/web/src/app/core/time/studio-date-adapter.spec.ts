import { TestBed } from '@angular/core/testing';
import { DateAdapter, MAT_DATE_FORMATS, type MatDateFormats } from '@angular/material/core';
import {
  dateKeyOfPickedDay,
  isPickedDay,
  isPickedTime,
  pickedDayOf,
  pickedTimeOf,
  provideStudioDateAdapter,
  timeOfDayOfPickedTime,
} from './studio-date-adapter';

function setup() {
  TestBed.configureTestingModule({ providers: [provideStudioDateAdapter()] });
  return { adapter: TestBed.inject<DateAdapter<Date>>(DateAdapter), formats: TestBed.inject<MatDateFormats>(MAT_DATE_FORMATS) };
}

describe('the pickers in the studio’s locale', () => {
  it('write a day as the app does, 30/11/2026, whatever the browser’s language', () => {
    const { adapter, formats } = setup();
    expect(adapter.format(new Date(2026, 10, 30), formats.display.dateInput)).toBe('30/11/2026');
  });

  it('write times on the 24-hour clock: 07:30 and 19:15, never 07:30 AM', () => {
    const { adapter, formats } = setup();
    expect(adapter.format(new Date(2026, 10, 30, 7, 30), formats.display.timeInput)).toBe('07:30');
    expect(adapter.format(new Date(2026, 10, 30, 19, 15), formats.display.timeOptionLabel)).toBe('19:15');
  });

  it('start the calendar’s weeks on Monday, as the schedule’s weeks do', () => {
    expect(setup().adapter.getFirstDayOfWeek()).toBe(1);
  });

  it('read a typed day first (01/11/2026 is 1 November), or as ISO, and refuse a day that does not exist', () => {
    const { adapter } = setup();
    expect(dateKeyOfPickedDay(adapter.parse('01/11/2026', null) as Date)).toBe('2026-11-01');
    expect(dateKeyOfPickedDay(adapter.parse('2026-12-31', null) as Date)).toBe('2026-12-31');
    expect(isPickedDay(adapter.parse('31/02/2026', null))).toBe(false);
    expect(adapter.parse('', null)).toBeNull();
  });

  it('read a typed time on the 24-hour clock, with or without its leading zero, and refuse one that is not', () => {
    const { adapter, formats } = setup();
    const typed = (text: string) => adapter.parseTime(text, formats.parse.timeInput);
    expect(timeOfDayOfPickedTime(typed('7:30') as Date)).toBe('07:30');
    expect(timeOfDayOfPickedTime(typed('07:30') as Date)).toBe('07:30');
    expect(timeOfDayOfPickedTime(typed('19:05') as Date)).toBe('19:05');
    expect(isPickedTime(typed('25:00'))).toBe(false);
    expect(isPickedTime(typed('half past seven'))).toBe(false);
    expect(typed('')).toBeNull();
  });

  it('turn a studio time into the timepicker’s date and back', () => {
    expect(timeOfDayOfPickedTime(pickedTimeOf('07:05'))).toBe('07:05');
    expect(timeOfDayOfPickedTime(pickedTimeOf('23:55'))).toBe('23:55');
  });

  it('turn a studio day into the picker’s date and back', () => {
    expect(dateKeyOfPickedDay(pickedDayOf('2026-03-29'))).toBe('2026-03-29');
    expect(isPickedDay(null)).toBe(false);
  });
});
