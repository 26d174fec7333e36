import { pickedDayOf, pickedTimeOf } from '../../../core/time/studio-date-adapter';
import {
  type ScheduleFormValue,
  scheduledCount,
  scheduleFormValueOf,
  scheduleInputOf,
  scheduleProblems,
  seriesDays,
} from './schedule-form';

const NOW = new Date('2026-11-25T10:00:00.000Z'); // Wednesday, 11:00 in Berlin
const none = { mon: false, tue: false, wed: false, thu: false, fri: false, sat: false, sun: false };

function form(overrides: Partial<ScheduleFormValue> = {}): ScheduleFormValue {
  return { date: '2026-11-30', time: '07:00', repeat: false, weekdays: { ...none }, until: '2026-12-20', ...overrides };
}

describe('the schedule form', () => {
  it("reads its pickers' dates as the studio's day and time, and one typed wrong or left empty as none", () => {
    const picked = { repeat: true, weekdays: { ...none, mon: true } };
    expect(
      scheduleFormValueOf({ ...picked, date: pickedDayOf('2026-11-30'), time: pickedTimeOf('07:05'), until: pickedDayOf('2026-12-20') }),
    ).toEqual(form({ ...picked, time: '07:05' }));
    expect(scheduleFormValueOf({ ...picked, date: new Date(Number.NaN), time: new Date(Number.NaN), until: null })).toEqual(
      form({ ...picked, date: '', time: '', until: '' }),
    );
  });

  it('counts a weekly series as the API does: each chosen weekday from the first date to the last, both included', () => {
    expect(seriesDays('2026-11-30', ['mon', 'wed'], '2026-12-14')).toEqual([
      '2026-11-30',
      '2026-12-02',
      '2026-12-07',
      '2026-12-09',
      '2026-12-14',
    ]);
    // The first date counts only when its weekday is chosen.
    expect(seriesDays('2026-11-30', ['tue'], '2026-12-08')).toEqual(['2026-12-01', '2026-12-08']);
    expect(scheduledCount(form({ repeat: true, weekdays: { ...none, mon: true, wed: true }, until: '2026-12-14' }))).toBe(5);
    expect(scheduledCount(form())).toBe(1);
  });

  it("refuses a start in the past, on the studio's clock", () => {
    // 11:00 in Berlin now: 10:30 today has passed there (though it is only 10:00 in UTC), 11:30 has not.
    expect(scheduleProblems(form({ date: '2026-11-25', time: '10:30' }), NOW, 'Europe/Berlin')).toEqual({
      time: 'Choose a start in the future',
    });
    expect(scheduleProblems(form({ date: '2026-11-25', time: '11:30' }), NOW, 'Europe/Berlin')).toEqual({});
    expect(scheduleProblems(form({ date: '2026-11-25', time: '10:30' }), NOW, 'UTC')).toEqual({});
  });

  it('wants a weekday and a last date on or after the first for a series, and at most 100 classes', () => {
    expect(scheduleProblems(form({ repeat: true }), NOW, 'Europe/Berlin')).toEqual({ weekdays: 'Choose at least one weekday' });
    expect(
      scheduleProblems(form({ repeat: true, weekdays: { ...none, mon: true }, until: '2026-11-29' }), NOW, 'Europe/Berlin'),
    ).toEqual({ until: 'The series ends on or after its first date' });
    expect(
      scheduleProblems(form({ repeat: true, weekdays: { ...none, tue: true }, until: '2026-11-30' }), NOW, 'Europe/Berlin'),
    ).toEqual({ until: 'None of the chosen weekdays falls in these dates' });
    const everyDay = { mon: true, tue: true, wed: true, thu: true, fri: true, sat: true, sun: true };
    expect(scheduleProblems(form({ repeat: true, weekdays: everyDay, until: '2027-03-09' }), NOW, 'Europe/Berlin')).toEqual({});
    expect(scheduleProblems(form({ repeat: true, weekdays: everyDay, until: '2027-03-10' }), NOW, 'Europe/Berlin')).toEqual({
      until: 'A series has at most 100 classes; choose an earlier date',
    });
  });

  it('sends the series only when "Repeat weekly" is ticked', () => {
    expect(scheduleInputOf(form({ weekdays: { ...none, mon: true } }))).toEqual({ date: '2026-11-30', time: '07:00' });
    expect(scheduleInputOf(form({ repeat: true, weekdays: { ...none, fri: true, mon: true } }))).toEqual({
      date: '2026-11-30',
      time: '07:00',
      repeat: { weekdays: ['mon', 'fri'], until: '2026-12-20' },
    });
  });
});
