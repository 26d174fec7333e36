import type { Role } from '@fitflow/domain-membership';

/** Someone who wants to change a template or a session. Structurally an application `Actor`. */
export interface Manager {
  readonly userId: string;
  readonly role: Role;
}

/**
 * The ownership rule of scheduling: a trainer manages only their own templates and sessions, an admin manages
 * all of them, a member none. The application layer turns a `false` into a FORBIDDEN error.
 */
export function canManage(manager: Manager, ownerTrainerId: string): boolean {
  if (manager.role === 'admin') return true;
  return manager.role === 'trainer' && manager.userId === ownerTrainerId;
}

/** Only trainers and admins may lead (own) classes; members may not be named a class's trainer. */
export function canLeadClasses(role: Role): boolean {
  return role === 'trainer' || role === 'admin';
}
