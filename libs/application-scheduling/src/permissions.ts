import type { Actor } from '@fitflow/application-shared';
import { ForbiddenError } from '@fitflow/application-membership';
import { canManage } from '@fitflow/domain-scheduling';

// The ownership rule itself is the domain's (`canManage`, `isManageableBy`); here it becomes FORBIDDEN.

/** Members never manage templates or sessions; checked before anything is loaded. */
export function assertManagesClasses(actor: Actor): void {
  if (actor.role === 'member') throw new ForbiddenError('Only trainers and admins manage classes');
}

/** The owner trainer or an admin. */
export function assertManages(actor: Actor, owned: { trainerId: string }): void {
  if (!canManage(actor, owned.trainerId)) {
    throw new ForbiddenError('A trainer manages only their own classes');
  }
}

/** A trainer may name only themselves as a class's trainer; an admin anyone (who must then lead classes). */
export function assertMayAssignTo(actor: Actor, trainerId: string): void {
  if (actor.role !== 'admin' && trainerId !== actor.userId) {
    throw new ForbiddenError('Only an admin can give a class to another trainer');
  }
}
