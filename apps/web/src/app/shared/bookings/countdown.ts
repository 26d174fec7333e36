import type { Hold } from '@fitflow/api-contract';

/**
 * What a hold's countdown shows. Display only: the API decides when a hold lapses (at `expiresAt`) and says so
 * on confirm; these read the API's instants against the browser's clock.
 */

/** Milliseconds left until `expiresAt`, never below zero. */
export function remainingMs(hold: Pick<Hold, 'expiresAt'>, now: Date): number {
  return Math.max(0, new Date(hold.expiresAt).getTime() - now.getTime());
}

/** "09:59": minutes and seconds left, rounded up so it reads 00:00 only once the time is over. */
export function formatCountdown(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
}

/** "9 minutes 59 seconds", for screen readers (a timer's "09:59" reads badly). */
export function describeCountdown(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [];
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  if (rest > 0 || minutes === 0) parts.push(`${rest} ${rest === 1 ? 'second' : 'seconds'}`);
  return parts.join(' ');
}

/** The share of the hold's time still left, 100 at `createdAt` down to 0 at `expiresAt`. */
export function percentLeft(hold: Pick<Hold, 'createdAt' | 'expiresAt'>, now: Date): number {
  const total = new Date(hold.expiresAt).getTime() - new Date(hold.createdAt).getTime();
  if (total <= 0) return 0;
  return Math.min(100, (remainingMs(hold, now) / total) * 100);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
