import type { PasswordHasher } from '../ports';

const CURRENT = 'fake-v2$';
const LEGACY = 'fake-v1$';

/** Readable "hashes" (`fake-v2$<plain>`); `fake-v1$` ones stand for hashes made with weaker parameters. */
export class FakePasswordHasher implements PasswordHasher {
  readonly #verified: string[] = [];

  static hashOf(plain: string): string {
    return `${CURRENT}${plain}`;
  }

  static legacyHashOf(plain: string): string {
    return `${LEGACY}${plain}`;
  }

  async hash(plain: string): Promise<string> {
    return FakePasswordHasher.hashOf(plain);
  }

  async verify(hash: string, plain: string): Promise<{ valid: boolean; needsRehash: boolean }> {
    this.#verified.push(hash);
    const valid = hash === FakePasswordHasher.hashOf(plain) || hash === FakePasswordHasher.legacyHashOf(plain);
    return { valid, needsRehash: hash.startsWith(LEGACY) };
  }

  /** The hashes passwords were checked against, in order: shows that a verification was spent. */
  get verified(): readonly string[] {
    return [...this.#verified];
  }
}
