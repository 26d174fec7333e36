import type { Transaction } from 'kysely';
import type { OutboxWriter } from '@fitflow/application-shared';
import type { RefreshTokenRepository } from '@fitflow/application-membership';
import { RefreshToken } from '@fitflow/domain-membership';
import type { Database, RefreshTokenRow } from '../../database/schema';

function rowToRefreshToken(row: RefreshTokenRow): RefreshToken {
  return RefreshToken.restore({
    id: row.id,
    familyId: row.family_id,
    userId: row.user_id,
    tokenHash: row.token_hash,
    credentialsVersion: row.credentials_version,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    rotatedAt: row.rotated_at,
    revokedAt: row.revoked_at,
  });
}

export class KyselyRefreshTokenRepository implements RefreshTokenRepository {
  constructor(
    private readonly trx: Transaction<Database>,
    private readonly outbox: OutboxWriter,
  ) {}

  async getByHashForUpdate(tokenHash: string): Promise<RefreshToken | null> {
    const row = await this.trx
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .forUpdate()
      .executeTakeFirst();
    return row ? rowToRefreshToken(row) : null;
  }

  async save(token: RefreshToken): Promise<void> {
    const s = token.snapshot();
    await this.trx
      .insertInto('refresh_tokens')
      .values({
        id: s.id,
        family_id: s.familyId,
        user_id: s.userId,
        token_hash: s.tokenHash,
        credentials_version: s.credentialsVersion,
        issued_at: s.issuedAt,
        expires_at: s.expiresAt,
        rotated_at: s.rotatedAt,
        revoked_at: s.revokedAt,
      })
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ rotated_at: s.rotatedAt, revoked_at: s.revokedAt }))
      .execute();
    await this.outbox.append(token.pullEvents());
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await this.trx
      .updateTable('refresh_tokens')
      .set({ revoked_at: at })
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** Through `refresh_tokens_user_id_idx`. */
  async revokeEveryFamilyOf(userId: string, at: Date): Promise<void> {
    await this.trx
      .updateTable('refresh_tokens')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
  }
}
