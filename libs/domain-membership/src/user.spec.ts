import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '@fitflow/domain-shared';
import { Email } from './email';
import { User, type UserSnapshot } from './user';
import { USER_AUTHENTICATED, USER_PASSWORD_CHANGED, USER_REGISTERED, USER_RENAMED, USER_ROLE_CHANGED } from './user-events';
import { UserName } from './user-name';

const registeredAt = new Date('2026-12-01T07:00:00.000Z');
const later = new Date('2026-12-02T09:30:00.000Z');

function newUser(overrides: Partial<Parameters<typeof User.register>[0]> = {}) {
  return {
    id: 'user-1',
    email: Email.create('Ada@Example.com'),
    name: UserName.create('Ada Lovelace'),
    passwordHash: 'hash-1',
    at: registeredAt,
    ...overrides,
  };
}

function storedUser(overrides: Partial<UserSnapshot> = {}): User {
  return User.restore({
    id: 'user-1',
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    role: 'member',
    passwordHash: 'hash-1',
    credentialsVersion: 0,
    createdAt: registeredAt,
    updatedAt: registeredAt,
    ...overrides,
  });
}

describe('User.register', () => {
  it('registers every new account as a member', () => {
    const user = User.register(newUser());
    expect(user.snapshot()).toEqual({
      id: 'user-1',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      role: 'member',
      passwordHash: 'hash-1',
      credentialsVersion: 0,
      createdAt: registeredAt,
      updatedAt: registeredAt,
    });
  });

  it('records UserRegistered with what a welcome mail needs', () => {
    expect(User.register(newUser()).pullEvents()).toEqual([
      {
        type: USER_REGISTERED,
        aggregateId: 'user-1',
        occurredAt: '2026-12-01T07:00:00.000Z',
        payload: { userId: 'user-1', email: 'ada@example.com', name: 'Ada Lovelace', role: 'member' },
      },
    ]);
  });

  it('never puts the password hash in an event', () => {
    expect(JSON.stringify(User.register(newUser()).pullEvents())).not.toContain('hash-1');
  });

  it('refuses an empty password hash', () => {
    expect(() => User.register(newUser({ passwordHash: '' }))).toThrow(InvalidValueError);
  });
});

describe('User.createAdmin', () => {
  it('creates an admin and records UserRegistered with that role', () => {
    const admin = User.createAdmin(newUser());
    expect(admin.role).toBe('admin');
    expect(admin.pullEvents()).toMatchObject([{ type: USER_REGISTERED, payload: { role: 'admin' } }]);
  });
});

describe('User.restore', () => {
  it.each([-1, 1.5])('refuses a credentials version of %s', (credentialsVersion) => {
    expect(() => storedUser({ credentialsVersion })).toThrow(InvalidValueError);
  });

  it('rebuilds the stored account and records nothing', () => {
    const user = storedUser({ role: 'trainer', updatedAt: later });
    expect(user.role).toBe('trainer');
    expect(user.email.equals(Email.create('ADA@example.com'))).toBe(true);
    expect(user.updatedAt).toEqual(later);
    expect(user.pullEvents()).toEqual([]);
  });

  it('gives out copies, so changing a returned date changes nothing inside', () => {
    const user = storedUser();
    user.createdAt.setFullYear(2000);
    user.snapshot().updatedAt.setFullYear(2000);
    expect(user.createdAt).toEqual(registeredAt);
    expect(user.updatedAt).toEqual(registeredAt);
  });
});

describe('User.recordAuthentication', () => {
  it('records UserAuthenticated without changing the account', () => {
    const user = storedUser();
    user.recordAuthentication(later);
    expect(user.pullEvents()).toEqual([
      {
        type: USER_AUTHENTICATED,
        aggregateId: 'user-1',
        occurredAt: later.toISOString(),
        payload: { userId: 'user-1', email: 'ada@example.com' },
      },
    ]);
    expect(user.updatedAt).toEqual(registeredAt);
  });
});

describe('User.changePasswordHash', () => {
  it('replaces the hash and stamps the change, recording no event', () => {
    const user = storedUser();
    user.changePasswordHash('hash-2', later);
    expect(user.passwordHash).toBe('hash-2');
    expect(user.updatedAt).toEqual(later);
    expect(user.pullEvents()).toEqual([]);
  });

  it('keeps every session: the password is the same', () => {
    const user = storedUser({ credentialsVersion: 3 });
    user.changePasswordHash('hash-2', later);
    expect(user.credentialsVersion).toBe(3);
  });
});

describe('User.rename', () => {
  it('changes the name and records who was called what', () => {
    const user = storedUser();
    user.rename(UserName.create('Ada King'), later);
    expect(user.name).toBe('Ada King');
    expect(user.updatedAt).toEqual(later);
    expect(user.pullEvents()).toEqual([
      {
        type: USER_RENAMED,
        aggregateId: 'user-1',
        occurredAt: later.toISOString(),
        payload: { userId: 'user-1', email: 'ada@example.com', from: 'Ada Lovelace', to: 'Ada King' },
      },
    ]);
  });

  it('renaming to the name the user already has changes nothing and records nothing', () => {
    const user = storedUser();
    user.rename(UserName.create('  Ada Lovelace '), later);
    expect(user.updatedAt).toEqual(registeredAt);
    expect(user.pullEvents()).toEqual([]);
  });

  it('leaves the sessions alone', () => {
    const user = storedUser();
    user.rename(UserName.create('Ada King'), later);
    expect(user.credentialsVersion).toBe(0);
  });
});

describe('User.changePassword', () => {
  it('replaces the hash and moves the credentials version on, so earlier tokens stop signing in', () => {
    const user = storedUser({ credentialsVersion: 4 });
    user.changePassword('hash-2', later);
    expect(user.snapshot()).toMatchObject({ passwordHash: 'hash-2', credentialsVersion: 5, updatedAt: later });
  });

  it('records UserPasswordChanged with what a "your password was changed" mail needs, and no hash', () => {
    const user = storedUser();
    user.changePassword('hash-2', later);
    const events = user.pullEvents();
    expect(events).toEqual([
      {
        type: USER_PASSWORD_CHANGED,
        aggregateId: 'user-1',
        occurredAt: later.toISOString(),
        payload: { userId: 'user-1', email: 'ada@example.com', name: 'Ada Lovelace' },
      },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/hash-[12]/);
  });

  it('refuses an empty hash and keeps the old password', () => {
    const user = storedUser();
    expect(() => user.changePassword('', later)).toThrow(InvalidValueError);
    expect(user.snapshot()).toMatchObject({ passwordHash: 'hash-1', credentialsVersion: 0 });
  });
});

describe('User.changeRole', () => {
  it('changes the role and records who changed it from what to what', () => {
    const user = storedUser();
    user.changeRole('trainer', later, 'admin-1', { admins: 1 });
    expect(user.role).toBe('trainer');
    expect(user.updatedAt).toEqual(later);
    expect(user.pullEvents()).toEqual([
      {
        type: USER_ROLE_CHANGED,
        aggregateId: 'user-1',
        occurredAt: later.toISOString(),
        payload: {
          userId: 'user-1',
          email: 'ada@example.com',
          name: 'Ada Lovelace',
          from: 'member',
          to: 'trainer',
          changedBy: 'admin-1',
        },
      },
    ]);
  });

  it('changing to the role the user already has changes nothing and records nothing', () => {
    const user = storedUser({ role: 'trainer' });
    user.changeRole('trainer', later, 'admin-1', { admins: 1 });
    expect(user.updatedAt).toEqual(registeredAt);
    expect(user.pullEvents()).toEqual([]);
  });

  it('refuses a role that does not exist', () => {
    const user = storedUser();
    expect(() => user.changeRole('owner' as never, later, 'admin-1', { admins: 1 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'role' }),
    );
    expect(user.role).toBe('member');
  });

  it.each(['trainer', 'member'] as const)('refuses to make the studio’s only admin a %s (LAST_ADMIN)', (role) => {
    const admin = storedUser({ role: 'admin' });
    expect(() => admin.changeRole(role, later, 'user-1', { admins: 1 })).toThrow(
      expect.objectContaining({ code: 'LAST_ADMIN' }),
    );
    expect(admin.role).toBe('admin');
    expect(admin.pullEvents()).toEqual([]);
  });

  it('lets an admin give up the role while another admin remains', () => {
    const admin = storedUser({ role: 'admin' });
    admin.changeRole('trainer', later, 'user-1', { admins: 2 });
    expect(admin.role).toBe('trainer');
  });

  it('lets the only admin set the role they already have', () => {
    const admin = storedUser({ role: 'admin' });
    admin.changeRole('admin', later, 'user-1', { admins: 1 });
    expect(admin.pullEvents()).toEqual([]);
  });
});
