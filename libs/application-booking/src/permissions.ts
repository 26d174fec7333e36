import type { Actor } from '@fitflow/application-shared';

/** A booking is cancelled by its member, or by an admin for them; its trainer only sees it. */
export function mayCancelBooking(actor: Actor, memberId: string): boolean {
  return actor.role === 'admin' || actor.userId === memberId;
}
