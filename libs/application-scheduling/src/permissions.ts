import type { Actor } from '@fitflow/application-shared';
import { ForbiddenError } from '@fitflow/application-membership';
import { type StoredSessionStatus, canManage, isSessionVisibleTo } from '@fitflow/domain-scheduling';
import { SessionNotFoundError, TemplateNotFoundError } from './errors';

// The ownership and visibility rules are the domain's (`canManage`, `isSessionVisibleTo`); here they become
// NOT_FOUND for what the caller may not know exists, and FORBIDDEN for what they know of but may not change.
// Every verb answers the same for one resource, so no answer tells a caller that something exists.

/** Members never manage templates or sessions; checked before anything is loaded. */
export function assertManagesClasses(actor: Actor): void {
  if (actor.role === 'member') throw new ForbiddenError('Only trainers and admins manage classes');
}

/**
 * A template is private to its trainer (and the admins): for anyone else it does not exist, in every verb.
 * Answers the template, or TemplateNotFoundError when there is none or the actor may not know of it.
 */
export function manageableTemplate<T extends { trainerId: string }>(actor: Actor, template: T | null, id: string): T {
  if (!template || !canManage(actor, template.trainerId)) throw new TemplateNotFoundError(id);
  return template;
}

/**
 * A session the actor may change. SessionNotFoundError when there is none or the actor may not see it (another
 * trainer's draft), as reading it answers; ForbiddenError when they see it (it is on the public schedule) but
 * it is not theirs.
 */
export function manageableSession<T extends { trainerId: string; status: StoredSessionStatus }>(
  actor: Actor,
  session: T | null,
  id: string,
): T {
  if (!session || !isSessionVisibleTo(session, actor)) throw new SessionNotFoundError(id);
  if (!canManage(actor, session.trainerId)) throw new ForbiddenError('A trainer manages only their own classes');
  return session;
}

/** A trainer may name only themselves as a class's trainer; an admin anyone (who must then lead classes). */
export function assertMayAssignTo(actor: Actor, trainerId: string): void {
  if (actor.role !== 'admin' && trainerId !== actor.userId) {
    throw new ForbiddenError('Only an admin can give a class to another trainer');
  }
}
