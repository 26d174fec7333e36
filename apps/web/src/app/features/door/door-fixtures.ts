import type { CheckIn, RosterEntry, Session } from '@fitflow/api-contract';

/** Ten minutes before the class of `aSession` (Monday 30 November 2026, 07:00 in Berlin). */
export const NOW = new Date('2026-11-30T05:50:00.000Z');

let members = 0;

/** A booked member on a roster, still expected at the door; overridable field by field. */
export function anEntry(overrides: Partial<RosterEntry> = {}): RosterEntry {
  members += 1;
  return {
    bookingId: `9a8b7c6d-5e4f-4a3b-8c2d-${String(members).padStart(12, '0')}`,
    userId: `0b7e3a52-3c1c-4d6e-9a43-${String(members).padStart(12, '0')}`,
    name: `Member ${members}`,
    email: `member${members}@example.com`,
    status: 'confirmed',
    checkedInAt: null,
    isLate: false,
    method: null,
    ...overrides,
  };
}

/** The API's answer to checking `entry` in to `session`, on time and by button unless overridden. */
export function aCheckIn(session: Session, entry: RosterEntry, overrides: Partial<CheckIn> = {}): CheckIn {
  return {
    bookingId: entry.bookingId,
    sessionId: session.id,
    sessionName: session.name,
    userId: entry.userId,
    userName: entry.name,
    checkedInAt: NOW.toISOString(),
    isLate: false,
    method: 'manual',
    ...overrides,
  };
}

