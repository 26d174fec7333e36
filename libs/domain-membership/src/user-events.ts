import type { DomainEvent } from '@fitflow/domain-shared';
import type { Role } from './role';

export const USER_REGISTERED = 'UserRegistered';
export const USER_AUTHENTICATED = 'UserAuthenticated';
export const USER_ROLE_CHANGED = 'UserRoleChanged';

export type UserRegistered = DomainEvent<
  typeof USER_REGISTERED,
  { userId: string; email: string; name: string; role: Role }
>;

export type UserAuthenticated = DomainEvent<typeof USER_AUTHENTICATED, { userId: string; email: string }>;

/** `changedBy` is the admin's user id, or null when the start-up configuration made the change. */
export type UserRoleChanged = DomainEvent<
  typeof USER_ROLE_CHANGED,
  { userId: string; email: string; name: string; from: Role; to: Role; changedBy: string | null }
>;

export type UserEvent = UserRegistered | UserAuthenticated | UserRoleChanged;
