import { AggregateRoot, InvalidStateError, InvalidValueError } from '@fitflow/domain-shared';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RefreshTokenSnapshot {
  id: string;
  familyId: string;
  userId: string;
  tokenHash: string;
  /** The account's credentials version when its family began (see `User.credentialsVersion`). */
  credentialsVersion: number;
  issuedAt: Date;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

export interface NewRefreshToken {
  id: string;
  familyId: string;
  userId: string;
  tokenHash: string;
  credentialsVersion: number;
  issuedAt: Date;
  ttlDays: number;
}

/**
 * What presenting a token at a moment means: `usable` may be rotated; `reused` was rotated already, so a copy
 * is in someone else's hands and the whole family must be revoked; `dead` was revoked or has expired.
 */
export type RefreshTokenFate = 'usable' | 'reused' | 'dead';

/** One link of a rotating chain of refresh tokens (a family, started at sign-in). Only its hash is kept. */
export class RefreshToken extends AggregateRoot {
  readonly #familyId: string;
  readonly #userId: string;
  readonly #tokenHash: string;
  readonly #credentialsVersion: number;
  readonly #issuedAt: Date;
  readonly #expiresAt: Date;
  #rotatedAt: Date | null;
  #revokedAt: Date | null;

  private constructor(snapshot: RefreshTokenSnapshot) {
    super(snapshot.id);
    this.#familyId = snapshot.familyId;
    this.#userId = snapshot.userId;
    this.#tokenHash = snapshot.tokenHash;
    this.#credentialsVersion = snapshot.credentialsVersion;
    this.#issuedAt = new Date(snapshot.issuedAt);
    this.#expiresAt = new Date(snapshot.expiresAt);
    this.#rotatedAt = copyOrNull(snapshot.rotatedAt);
    this.#revokedAt = copyOrNull(snapshot.revokedAt);
  }

  static issue({ id, familyId, userId, tokenHash, credentialsVersion, issuedAt, ttlDays }: NewRefreshToken): RefreshToken {
    if (!Number.isInteger(ttlDays) || ttlDays < 1) {
      throw new InvalidValueError('ttlDays', 'A refresh token lives at least one whole day');
    }
    if (tokenHash.length === 0) throw new InvalidValueError('tokenHash', 'A token hash is required');
    if (!Number.isInteger(credentialsVersion) || credentialsVersion < 0) {
      throw new InvalidValueError('credentialsVersion', 'A credentials version is a whole number from 0');
    }
    const expiresAt = new Date(issuedAt.getTime() + ttlDays * DAY_MS);
    return new RefreshToken({
      id,
      familyId,
      userId,
      tokenHash,
      credentialsVersion,
      issuedAt,
      expiresAt,
      rotatedAt: null,
      revokedAt: null,
    });
  }

  static restore(snapshot: RefreshTokenSnapshot): RefreshToken {
    return new RefreshToken(snapshot);
  }

  get familyId(): string {
    return this.#familyId;
  }

  get userId(): string {
    return this.#userId;
  }

  get tokenHash(): string {
    return this.#tokenHash;
  }

  get expiresAt(): Date {
    return new Date(this.#expiresAt);
  }

  /** A rotated token counts as reused even after it expired: its copy being presented still means theft. */
  fateAt(now: Date): RefreshTokenFate {
    if (this.#revokedAt !== null) return 'dead';
    if (this.#rotatedAt !== null) return 'reused';
    if (now.getTime() >= this.#expiresAt.getTime()) return 'dead';
    return 'usable';
  }

  /**
   * True when the account's password changed after this token's family began (its credentials version is
   * `current` now): such a token signs nobody in, even one issued by a refresh that raced with the change.
   */
  predatesCredentials(current: number): boolean {
    return this.#credentialsVersion !== current;
  }

  /** Spends the token on its successor; a token can be rotated once. */
  rotate(now: Date): void {
    const fate = this.fateAt(now);
    if (fate !== 'usable') throw new InvalidStateError(`A ${fate} refresh token cannot be rotated`);
    this.#rotatedAt = new Date(now);
  }

  /** Revoking twice keeps the first moment: logging out twice is the same logout. */
  revoke(now: Date): void {
    this.#revokedAt ??= new Date(now);
  }

  snapshot(): RefreshTokenSnapshot {
    return {
      id: this.id,
      familyId: this.#familyId,
      userId: this.#userId,
      tokenHash: this.#tokenHash,
      credentialsVersion: this.#credentialsVersion,
      issuedAt: new Date(this.#issuedAt),
      expiresAt: new Date(this.#expiresAt),
      rotatedAt: copyOrNull(this.#rotatedAt),
      revokedAt: copyOrNull(this.#revokedAt),
    };
  }
}

function copyOrNull(date: Date | null): Date | null {
  return date === null ? null : new Date(date);
}
