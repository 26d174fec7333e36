import { describe, expect, it } from 'vitest';
import { type CalendarBooking, bookingCalendar } from './booking-calendar';

const booking: CalendarBooking = {
  id: '9a8b7c6d-5e4f-4a3b-8c2d-000000000001',
  sessionName: 'Morning Yoga',
  trainerName: 'Tess Trainer',
  startsAt: '2026-12-01T06:00:00.000Z',
  endsAt: '2026-12-01T07:00:00.000Z',
  status: 'confirmed',
};
const NOW = new Date('2026-11-25T10:00:00.000Z');

function lines(timeZone: string, overrides: Partial<CalendarBooking> = {}): string[] {
  return bookingCalendar({ ...booking, ...overrides }, { name: 'Harbour Yoga', timeZone }, NOW).split('\r\n');
}

/** The lines of each block `BEGIN:<name>` … `END:<name>`. */
function blocks(all: string[], name: string): string[][] {
  const found: string[][] = [];
  all.forEach((line, i) => {
    if (line === `BEGIN:${name}`) found.push(all.slice(i, all.indexOf(`END:${name}`, i) + 1));
  });
  return found;
}

describe('bookingCalendar', () => {
  it('puts the event at the studio’s wall-clock time, with the zone’s offsets around it', () => {
    const all = lines('Europe/Berlin');
    expect(all).toContain('DTSTART;TZID=Europe/Berlin:20261201T070000');
    expect(all).toContain('DTEND;TZID=Europe/Berlin:20261201T080000');
    const [zone] = blocks(all, 'VTIMEZONE');
    expect(zone).toContain('TZID:Europe/Berlin');
    // Summer time ended on 25 October 2026 at 03:00 local (01:00 UTC); it starts again on 28 March 2027.
    expect(blocks(all, 'STANDARD')).toContainEqual([
      'BEGIN:STANDARD',
      'DTSTART:20261025T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
    ]);
    expect(blocks(all, 'DAYLIGHT')).toContainEqual([
      'BEGIN:DAYLIGHT',
      'DTSTART:20270328T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
    ]);
    // The zone is defined before the event that refers to it.
    expect(all.indexOf('BEGIN:VTIMEZONE')).toBeLessThan(all.indexOf('BEGIN:VEVENT'));
  });

  it('keeps 07:00 at 07:00 in summer too', () => {
    expect(lines('Europe/Berlin', { startsAt: '2027-06-01T05:00:00.000Z', endsAt: '2027-06-01T06:00:00.000Z' })).toContain(
      'DTSTART;TZID=Europe/Berlin:20270601T070000',
    );
  });

  it('writes a time in the hour the clocks repeat in UTC when it is the second occurrence', () => {
    // 25 October 2026 in Berlin: 02:30 happens at 00:30 UTC (summer time) and again at 01:30 UTC (winter time).
    const first = lines('Europe/Berlin', { startsAt: '2026-10-25T00:30:00.000Z', endsAt: '2026-10-25T01:00:00.000Z' });
    expect(first).toContain('DTSTART;TZID=Europe/Berlin:20261025T023000');
    const second = lines('Europe/Berlin', { startsAt: '2026-10-25T01:30:00.000Z', endsAt: '2026-10-25T02:30:00.000Z' });
    expect(second).toContain('DTSTART:20261025T013000Z');
    expect(second).toContain('DTEND;TZID=Europe/Berlin:20261025T033000');
  });

  it('gives a zone without clock changes one fixed offset', () => {
    const all = lines('Asia/Tokyo');
    expect(all).toContain('DTSTART;TZID=Asia/Tokyo:20261201T150000');
    expect(blocks(all, 'STANDARD')).toEqual([
      ['BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0900', 'TZOFFSETTO:+0900', 'END:STANDARD'],
    ]);
    expect(blocks(all, 'DAYLIGHT')).toEqual([]);
  });

  it('handles offsets west of UTC and half hours', () => {
    expect(blocks(lines('America/St_Johns'), 'STANDARD').flat()).toContain('TZOFFSETTO:-0330');
  });

  it('uses plain UTC times for a UTC studio', () => {
    const all = lines('UTC');
    expect(all).toContain('DTSTART:20261201T060000Z');
    expect(all).not.toContain('BEGIN:VTIMEZONE');
  });

  it('marks a cancelled booking CANCELLED', () => {
    expect(lines('UTC', { status: 'cancelled' })).toContain('STATUS:CANCELLED');
  });
});
