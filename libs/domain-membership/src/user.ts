import { AggregateRoot, DomainError, InvalidValueError, domainEvent } from '@fitflow/domain-shared';
import { Email } from './email';
import { type Role, isRole } from './role';
import {
  USER_AUTHENTICATED,
  USER_PASSWORD_CHANGED,
  USER_REGISTERED,
  USER_RENAMED,
  USER_ROLE_CHANGED,
} from './user-events';
import { UserName } from './user-name';

export interface UserSnapshot {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  /** Counts the changes of the password: a token issued under an earlier count no longer signs anyone in. */
  credentialsVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewUser {
  id: string;
  email: Email;
  name: UserName;
  passwordHash: string;
  at: Date;
}

interface UserState {
  email: Email;
  name: UserName;
  role: Role;
  passwordHash: string;
  credentialsVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The studio always keeps an admin: nobody could grant the role again if the last one gave it up. */
export class LastAdminError extends DomainError {
  readonly code = 'LAST_ADMIN';

  constructor() {
    super('This is the studio’s only admin; make another account admin first');
  }
}

/** The studio's admins when a role changes, counted while their rows are locked. */
export interface StudioAdmins {
  admins: number;
}

/** An account: who someone is, how they sign in, and what they may do. */
export class User extends AggregateRoot {
  readonly #email: Email;
  readonly #createdAt: Date;
  #name: UserName;
  #role: Role;
  #passwordHash: string;
  #credentialsVersion: number;
  #updatedAt: Date;

  private constructor(id: string, state: UserState) {
    super(id);
    this.#email = state.email;
    this.#name = state.name;
    this.#role = state.role;
    this.#passwordHash = requireHash(state.passwordHash);
    this.#credentialsVersion = requireVersion(state.credentialsVersion);
    this.#createdAt = new Date(state.createdAt);
    this.#updatedAt = new Date(state.updatedAt);
  }

  /** Every registration starts as a member; only an admin grants more. */
  static register(props: NewUser): User {
    return User.#create(props, 'member');
  }

  /** The studio's first admin, created from the start-up configuration. */
  static createAdmin(props: NewUser): User {
    return User.#create(props, 'admin');
  }

  static restore(snapshot: UserSnapshot): User {
    return new User(snapshot.id, {
      ...snapshot,
      email: Email.create(snapshot.email),
      name: UserName.create(snapshot.name),
    });
  }

  static #create({ id, email, name, passwordHash, at }: NewUser, role: Role): User {
    const user = new User(id, { email, name, role, passwordHash, credentialsVersion: 0, createdAt: at, updatedAt: at });
    user.record(
      domainEvent(USER_REGISTERED, id, at, { userId: id, email: email.value, name: name.value, role }),
    );
    return user;
  }

  get email(): Email {
    return this.#email;
  }

  get name(): string {
    return this.#name.value;
  }

  get role(): Role {
    return this.#role;
  }

  get passwordHash(): string {
    return this.#passwordHash;
  }

  get credentialsVersion(): number {
    return this.#credentialsVersion;
  }

  get createdAt(): Date {
    return new Date(this.#createdAt);
  }

  get updatedAt(): Date {
    return new Date(this.#updatedAt);
  }

  recordAuthentication(at: Date): void {
    this.record(domainEvent(USER_AUTHENTICATED, this.id, at, { userId: this.id, email: this.#email.value }));
  }

  /** The name the person goes by from now on; the same name again changes nothing and records nothing. */
  rename(name: UserName, at: Date): void {
    if (name.equals(this.#name)) return;
    const from = this.#name.value;
    this.#name = name;
    this.#updatedAt = new Date(at);
    this.record(
      domainEvent(USER_RENAMED, this.id, at, { userId: this.id, email: this.#email.value, from, to: name.value }),
    );
  }

  /**
   * A new password, chosen by its owner (the caller checked the old one and the new one's strength): every token
   * issued before it stops signing anyone in, so whoever knew the old password is signed out everywhere.
   */
  changePassword(newHash: string, at: Date): void {
    this.#passwordHash = requireHash(newHash);
    this.#credentialsVersion += 1;
    this.#updatedAt = new Date(at);
    this.record(
      domainEvent(USER_PASSWORD_CHANGED, this.id, at, {
        userId: this.id,
        email: this.#email.value,
        name: this.#name.value,
      }),
    );
  }

  /**
   * Replaces the hash with one of the same password under stronger parameters: no event (hashes never leave), and
   * every session goes on, since the password is the same.
   */
  changePasswordHash(newHash: string, at: Date): void {
    this.#passwordHash = requireHash(newHash);
    this.#updatedAt = new Date(at);
  }

  /**
   * `byUserId` is the admin making the change, or null for the start-up configuration. LAST_ADMIN when it would
   * take the admin role from the studio's only admin.
   */
  changeRole(role: Role, at: Date, byUserId: string | null, studio: StudioAdmins): void {
    if (!isRole(role)) throw new InvalidValueError('role', 'Choose member, trainer or admin');
    if (role === this.#role) return;
    if (this.#role === 'admin' && studio.admins <= 1) throw new LastAdminError();
    const from = this.#role;
    this.#role = role;
    this.#updatedAt = new Date(at);
    this.record(
      domainEvent(USER_ROLE_CHANGED, this.id, at, {
        userId: this.id,
        email: this.#email.value,
        name: this.#name.value,
        from,
        to: role,
        changedBy: byUserId,
      }),
    );
  }

  snapshot(): UserSnapshot {
    return {
      id: this.id,
      email: this.#email.value,
      name: this.#name.value,
      role: this.#role,
      passwordHash: this.#passwordHash,
      credentialsVersion: this.#credentialsVersion,
      createdAt: new Date(this.#createdAt),
      updatedAt: new Date(this.#updatedAt),
    };
  }
}

function requireHash(hash: string): string {
  if (hash.length === 0) throw new InvalidValueError('passwordHash', 'A password hash is required');
  return hash;
}

function requireVersion(version: number): number {
  if (!Number.isInteger(version) || version < 0) {
    throw new InvalidValueError('credentialsVersion', 'A credentials version is a whole number from 0');
  }
  return version;
}
