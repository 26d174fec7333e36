import type { Booking } from '@fitflow/api-contract';
import { offsetMs } from '@fitflow/domain-scheduling';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How far around the event the VTIMEZONE lists the zone's offset changes. */
const TRANSITION_WINDOW_MS = 366 * DAY_MS;
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT']);

/** What an event is made of. */
export type CalendarBooking = Pick<Booking, 'id' | 'sessionName' | 'trainerName' | 'startsAt' | 'endsAt' | 'status'>;

/**
 * A booking as an iCalendar (RFC 5545) event at the studio's wall-clock times: `DTSTART;TZID=Europe/Berlin:…`
 * with a VTIMEZONE that gives the zone's offsets around the event, so every calendar shows 07:00 as 07:00 in the
 * studio whatever its own zone. A UTC studio gets plain UTC times.
 */
export function bookingCalendar(booking: CalendarBooking, studio: { name: string; timeZone: string }, now: Date): string {
  const zoned = !UTC_ZONES.has(studio.timeZone);
  const at = (iso: string) => {
    const instant = new Date(iso);
    // A wall-clock time the zone shows twice (the hour repeated when clocks go back) reads as its first
    // occurrence (RFC 5545 3.3.5), so the second one is written in UTC.
    return zoned && !isSecondOccurrence(instant, studio.timeZone)
      ? `;TZID=${studio.timeZone}:${localStamp(instant, studio.timeZone)}`
      : `:${utcStamp(instant)}`;
  };
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//FitFlow//Bookings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(zoned ? timeZoneComponent(studio.timeZone, new Date(booking.startsAt)) : []),
    'BEGIN:VEVENT',
    `UID:booking-${booking.id}@fitflow`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART${at(booking.startsAt)}`,
    `DTEND${at(booking.endsAt)}`,
    `SUMMARY:${icsText(booking.sessionName)}`,
    `DESCRIPTION:${icsText(booking.trainerName ? `With ${booking.trainerName}` : booking.sessionName)}`,
    `LOCATION:${icsText(studio.name)}`,
    `STATUS:${booking.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/**
 * VTIMEZONE for `timeZone`: one observance per offset change within a year either side of the event (from the
 * platform's zone data), or one fixed observance for a zone without changes.
 */
function timeZoneComponent(timeZone: string, around: Date): string[] {
  const transitions = offsetTransitions(timeZone, around.getTime() - TRANSITION_WINDOW_MS, around.getTime() + TRANSITION_WINDOW_MS);
  const offsets = transitions.flatMap(({ from, to }) => [from, to]);
  const standard = offsets.length > 0 ? Math.min(...offsets) : offsetMs(around.getTime(), timeZone);
  const observances =
    transitions.length > 0
      ? transitions.map(({ at, from, to }) => [
          `BEGIN:${to > standard ? 'DAYLIGHT' : 'STANDARD'}`,
          `DTSTART:${utcStamp(new Date(at + from)).slice(0, -1)}`,
          `TZOFFSETFROM:${offsetText(from)}`,
          `TZOFFSETTO:${offsetText(to)}`,
          `END:${to > standard ? 'DAYLIGHT' : 'STANDARD'}`,
        ])
      : [['BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offsetText(standard)}`, `TZOFFSETTO:${offsetText(standard)}`, 'END:STANDARD']];
  return ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, ...observances.flat(), 'END:VTIMEZONE'];
}

interface Transition {
  /** The instant the offset changes (ms). */
  at: number;
  from: number;
  to: number;
}

/** The zone's offset changes in [start, end): found by the day, then to the minute. */
function offsetTransitions(timeZone: string, start: number, end: number): Transition[] {
  const found: Transition[] = [];
  let before = offsetMs(start, timeZone);
  for (let day = start + DAY_MS; day < end + DAY_MS; day += DAY_MS) {
    const after = offsetMs(day, timeZone);
    if (after === before) continue;
    let [low, high] = [day - DAY_MS, day];
    while (high - low > MINUTE_MS) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetMs(middle, timeZone) === before) low = middle;
      else high = middle;
    }
    found.push({ at: high, from: before, to: after });
    before = after;
  }
  return found;
}

/** `+0100`, `-0430`. */
function offsetText(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / MINUTE_MS);
  return `${offsetMs < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

/** RFC 5545 date-time in UTC: `20261201T070000Z`. */
function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** RFC 5545 local date-time in the zone: `20261201T070000`. */
function localStamp(instant: Date, timeZone: string): string {
  return utcStamp(new Date(instant.getTime() + offsetMs(instant.getTime(), timeZone))).slice(0, -1);
}

/** True when the zone's clock showed the same wall-clock time earlier too (in the hour repeated at a fall back). */
function isSecondOccurrence(instant: Date, timeZone: string): boolean {
  const time = instant.getTime();
  const wall = time + offsetMs(time, timeZone);
  const earlierOffset = offsetMs(time - DAY_MS, timeZone);
  const candidate = wall - earlierOffset;
  return candidate < time && candidate + offsetMs(candidate, timeZone) === wall;
}

/** RFC 5545 TEXT escaping. */
function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (continuation lines start with a space). */
function fold(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const length = Buffer.byteLength(char, 'utf8');
    if (size + length > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += length;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
