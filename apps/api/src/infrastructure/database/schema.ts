import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps go in as Date or ISO string and come out as Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in (`default now()`) when an insert leaves it out. */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: string;
  /** Normalised (lower case): the unique index makes "one account per email" hold under concurrency. */
  email: string;
  name: string;
  role: 'member' | 'trainer' | 'admin';
  password_hash: string;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface RefreshTokensTable {
  id: string;
  family_id: string;
  user_id: string;
  token_hash: string;
  issued_at: DefaultedTimestamp;
  expires_at: Timestamp;
  rotated_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface OutboxTable {
  /** Also the event's id, which idempotent handlers key their work on. */
  id: string;
  /** Orders events in commit-independent insertion order (int8, read as a number: see type-parsers.ts). */
  seq: Generated<number>;
  type: string;
  aggregate_id: string;
  payload: ColumnType<object, string, string>;
  occurred_at: Timestamp;
  published_at: Timestamp | null;
}

export interface Database {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  outbox: OutboxTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type OutboxRow = Selectable<OutboxTable>;
