import { RefreshToken, type RefreshTokenSnapshot } from '@fitflow/domain-membership';
import type { RefreshTokenRepository } from '../ports';
import type { Checkpointable } from '@fitflow/application-shared/testing';

export class InMemoryRefreshTokens implements RefreshTokenRepository, Checkpointable {
  #rows = new Map<string, RefreshTokenSnapshot>();

  async getByHashForUpdate(tokenHash: string): Promise<RefreshToken | null> {
    const row = [...this.#rows.values()].find((candidate) => candidate.tokenHash === tokenHash);
    return row ? RefreshToken.restore(row) : null;
  }

  async save(token: RefreshToken): Promise<void> {
    this.#rows.set(token.id, token.snapshot());
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    for (const row of this.family(familyId)) {
      const token = RefreshToken.restore(row);
      token.revoke(at);
      this.#rows.set(token.id, token.snapshot());
    }
  }

  async revokeEveryFamilyOf(userId: string, at: Date): Promise<void> {
    for (const row of this.rows().filter((candidate) => candidate.userId === userId)) {
      const token = RefreshToken.restore(row);
      token.revoke(at);
      this.#rows.set(token.id, token.snapshot());
    }
  }

  seed(...tokens: RefreshToken[]): this {
    for (const token of tokens) this.#rows.set(token.id, token.snapshot());
    return this;
  }

  rows(): RefreshTokenSnapshot[] {
    return [...this.#rows.values()].map((row) => ({ ...row }));
  }

  family(familyId: string): RefreshTokenSnapshot[] {
    return this.rows().filter((row) => row.familyId === familyId);
  }

  byHash(tokenHash: string): RefreshTokenSnapshot | undefined {
    return this.rows().find((row) => row.tokenHash === tokenHash);
  }

  checkpoint(): () => void {
    const rows = new Map(this.#rows);
    return () => {
      this.#rows = rows;
    };
  }
}
