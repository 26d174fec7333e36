import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database/schema';

/** One caller's key: keys of different callers never meet. */
export interface IdempotencyScope {
  readonly userId: string;
  readonly key: string;
}

/** The first answer, as it went out. */
export interface StoredAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * The right to work on a key, held by one request at a time (`token` fences out a request whose lease ran out).
 * `committedEffect` is set when an earlier request's change committed but its answer was never stored.
 */
export interface IdempotencyClaim extends IdempotencyScope {
  readonly token: string;
  readonly committedEffect?: { readonly value: unknown };
}

export type ClaimOutcome =
  | { readonly kind: 'claimed'; readonly claim: IdempotencyClaim }
  | { readonly kind: 'answered'; readonly answer: StoredAnswer }
  /** The key was first used for a different request. */
  | { readonly kind: 'mismatch' }
  /** Another request works on the key now. */
  | { readonly kind: 'busy' };

/** After this, a key no longer answers and may be used afresh. */
const KEY_LIFETIME = sql`interval '24 hours'`;

/** The first answer to each idempotency key, in PostgreSQL, shared by every API process. */
export class KyselyIdempotencyStore {
  /** @param leaseSeconds how long a request may work on a key before another may take it over (it died). */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly leaseSeconds = 60,
  ) {}

  /**
   * Claims the key for `fingerprint`, or says why not. Each step is one statement that commits at once, so a
   * claim is visible to every process immediately and concurrent claims meet on the primary key.
   */
  async claim(scope: IdempotencyScope, fingerprint: string): Promise<ClaimOutcome> {
    await this.forgetExpiredKeysOf(scope.userId);
    const token = randomUUID();
    const inserted = await this.db
      .insertInto('idempotency_keys')
      .values({ user_id: scope.userId, key: scope.key, fingerprint, lock_token: token, locked_at: sql`now()` })
      .onConflict((conflict) => conflict.columns(['user_id', 'key']).doNothing())
      .returning('lock_token')
      .executeTakeFirst();
    if (inserted) return { kind: 'claimed', claim: { ...scope, token } };
    return (await this.takeOver(scope, fingerprint)) ?? this.existing(scope, fingerprint);
  }

  /**
   * Inside the transaction of the request's change: the change's result, so that it commits (or rolls back) with
   * the change. Refuses, rolling the change back, once the claim was taken over.
   */
  async recordEffect(trx: Transaction<Database>, claim: IdempotencyClaim, value: unknown): Promise<void> {
    const updated = await trx
      .updateTable('idempotency_keys')
      .set({ effect: JSON.stringify({ value: value ?? null }) })
      .where('user_id', '=', claim.userId)
      .where('key', '=', claim.key)
      .where('lock_token', '=', claim.token)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) throw new Error(`Idempotency key of user ${claim.userId} was taken over; rolling back`);
  }

  /** Stores the first answer; false when the claim was taken over meanwhile (the other request answers). */
  async complete(claim: IdempotencyClaim, answer: StoredAnswer): Promise<boolean> {
    const updated = await this.db
      .updateTable('idempotency_keys')
      .set({
        response_status: answer.status,
        response_headers: JSON.stringify(answer.headers),
        response_body: answer.body,
        completed_at: sql`now()`,
        lock_token: null,
      })
      .where('user_id', '=', claim.userId)
      .where('key', '=', claim.key)
      .where('lock_token', '=', claim.token)
      .executeTakeFirst();
    return updated.numUpdatedRows === 1n;
  }

  /**
   * Lets go of a key without an answer (a 5xx), so a retry runs again: the row goes, unless a change already
   * committed under it; then the row stays, free for the next request to answer that change.
   */
  async release(claim: IdempotencyClaim): Promise<void> {
    await this.db
      .deleteFrom('idempotency_keys')
      .where('user_id', '=', claim.userId)
      .where('key', '=', claim.key)
      .where('lock_token', '=', claim.token)
      .where('effect', 'is', null)
      .execute();
    await this.db
      .updateTable('idempotency_keys')
      .set({ lock_token: null })
      .where('user_id', '=', claim.userId)
      .where('key', '=', claim.key)
      .where('lock_token', '=', claim.token)
      .execute();
  }

  /** A key nobody works on (released, or its lease ran out: its request died) passes to this request. */
  private async takeOver(scope: IdempotencyScope, fingerprint: string): Promise<ClaimOutcome | undefined> {
    const token = randomUUID();
    const row = await this.db
      .updateTable('idempotency_keys')
      .set({ lock_token: token, locked_at: sql`now()` })
      .where('user_id', '=', scope.userId)
      .where('key', '=', scope.key)
      .where('fingerprint', '=', fingerprint)
      .where('response_status', 'is', null)
      .where((eb) =>
        eb.or([eb('lock_token', 'is', null), eb('locked_at', '<', sql<Date>`now() - ${this.leaseSeconds} * interval '1 second'`)]),
      )
      .returning('effect')
      .executeTakeFirst();
    if (!row) return undefined;
    return { kind: 'claimed', claim: { ...scope, token, ...(row.effect ? { committedEffect: row.effect } : {}) } };
  }

  private async existing(scope: IdempotencyScope, fingerprint: string): Promise<ClaimOutcome> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .select(['fingerprint', 'response_status', 'response_headers', 'response_body'])
      .where('user_id', '=', scope.userId)
      .where('key', '=', scope.key)
      .executeTakeFirst();
    // Gone since the insert failed (released after a 5xx): busy, so the caller tries again at once.
    if (!row) return { kind: 'busy' };
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (row.response_status === null) return { kind: 'busy' };
    return { kind: 'answered', answer: { status: row.response_status, headers: row.response_headers ?? {}, body: row.response_body ?? '' } };
  }

  /** Deletes every key older than 24 h (a repeating job); answers how many went. */
  async purgeExpired(): Promise<number> {
    const { numDeletedRows } = await this.db
      .deleteFrom('idempotency_keys')
      .where('created_at', '<', sql<Date>`now() - ${KEY_LIFETIME}`)
      .executeTakeFirst();
    return Number(numDeletedRows);
  }

  /** Keys older than 24 h answer nothing; the caller's own go here (cheap: the primary key's prefix). */
  private async forgetExpiredKeysOf(userId: string): Promise<void> {
    await this.db
      .deleteFrom('idempotency_keys')
      .where('user_id', '=', userId)
      .where('created_at', '<', sql<Date>`now() - ${KEY_LIFETIME}`)
      .execute();
  }
}
