import type { RosterEntry } from '@fitflow/api-contract';
import { timeOfDayOf } from '../../core/time/studio-time';
import type { Badge } from '../../shared/sessions/session-labels';
import type { DoorResult } from './roster.store';

/** A member's state at the door: "Checked in 06:58", "Late 07:14", "No-show"; nothing while still expected. */
export function rosterBadge(entry: RosterEntry, timeZone: string): Badge | null {
  if (entry.checkedInAt) {
    const at = timeOfDayOf(entry.checkedInAt, timeZone);
    return entry.isLate ? { label: `Late ${at}`, kind: 'few' } : { label: `Checked in ${at}`, kind: 'open' };
  }
  return entry.status === 'no_show' ? { label: 'No-show', kind: 'full' } : null;
}

/** The door's answer in two lines: who (or that no one was checked in), and how it went. */
export function describeResult(result: DoorResult): { headline: string; detail: string } {
  if (!result.ok) return { headline: 'Not checked in', detail: result.message };
  const how = result.isLate ? 'Checked in late' : 'Checked in on time';
  return { headline: result.name, detail: result.elsewhere ? `${how} to ${result.elsewhere}` : how };
}
