import type { DomainEvent } from '@fitflow/domain-shared';
import type { Role } from './role';

export const USER_REGISTERED = 'UserRegistered';
export const USER_AUTHENTICATED = 'UserAuthenticated';
export const USER_ROLE_CHANGED = 'UserRoleChanged';
export const USER_RENAMED = 'UserRenamed';
export const USER_PASSWORD_CHANGED = 'UserPasswordChanged';

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

export type UserRenamed = DomainEvent<typeof USER_RENAMED, { userId: string; email: string; from: string; to: string }>;

/** What a "your password was changed" message needs; never a hash, old or new. */
export type UserPasswordChanged = DomainEvent<
  typeof USER_PASSWORD_CHANGED,
  { userId: string; email: string; name: string }
>;

export type UserEvent = UserRegistered | UserAuthenticated | UserRoleChanged | UserRenamed | UserPasswordChanged;
