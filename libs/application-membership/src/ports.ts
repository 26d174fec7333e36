import type { Email, RefreshToken, Role, User } from '@fitflow/domain-membership';
import type { Page, PageRequest } from '@fitflow/application-shared';

/** Write side of accounts. `save` inserts or updates and writes the aggregate's pulled events to the outbox. */
export interface UserRepository {
  get(id: string): Promise<User | null>;
  getForUpdate(id: string): Promise<User | null>;
  findByEmail(email: Email): Promise<User | null>;
  /**
   * Locks every admin's row and answers their ids. Called before the account to change is loaded, and the locks
   * are taken in id order, so two admins changing each other's roles at once wait for each other instead of
   * deadlocking or both leaving the studio without an admin; and a caller demoted meanwhile is no longer among
   * them.
   */
  lockAdmins(): Promise<string[]>;
  save(user: User): Promise<void>;
}

export interface RefreshTokenRepository {
  /** Locks the token's row: two refreshes with one token must not both succeed. */
  getByHashForUpdate(tokenHash: string): Promise<RefreshToken | null>;
  save(token: RefreshToken): Promise<void>;
  /** Revokes every token of the family that is not revoked yet. */
  revokeFamily(familyId: string, at: Date): Promise<void>;
  /** Revokes every token of the account that is not revoked yet: it is signed out everywhere. */
  revokeEveryFamilyOf(userId: string, at: Date): Promise<void>;
}

export interface MembershipRepositories {
  users: UserRepository;
  refreshTokens: RefreshTokenRepository;
}

export interface PasswordHasher {
  hash(plain: string): Promise<string>;
  /** `needsRehash` when the stored hash uses weaker parameters than the current ones. */
  verify(hash: string, plain: string): Promise<{ valid: boolean; needsRehash: boolean }>;
}

/**
 * Access tokens say who the caller is, never what they may do: the role is read from the account at each request.
 * They carry the account's credentials version, so those issued before a password change are refused at once.
 */
export interface AccessTokenIssuer {
  issue(claims: AccessTokenClaims): { token: string; expiresInSeconds: number };
}

export interface AccessTokenClaims {
  userId: string;
  credentialsVersion: number;
}

/** Opaque refresh tokens: random, stored only as a hash. */
export interface RefreshTokenSecrets {
  generate(): string;
  hash(token: string): string;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** What decides, at each request, whether an access token still speaks for its account, and with which role. */
export interface AccountAccess {
  role: Role;
  credentialsVersion: number;
}

export interface ListUsersQuery extends PageRequest {
  role?: Role;
  q?: string;
}

/** Read side of accounts: SQL shaped for the screens, never aggregates. */
export interface UsersFinder {
  byId(id: string): Promise<UserView | null>;
  /** The account's role now, or null when there is no such account: one primary-key read, on every request. */
  roleOf(id: string): Promise<Role | null>;
  /** The account's role and credentials version now, or null when there is no such account: one primary-key read. */
  accessOf(id: string): Promise<AccountAccess | null>;
  list(query: ListUsersQuery): Promise<Page<UserView>>;
  trainers(): Promise<{ id: string; name: string }[]>;
}
