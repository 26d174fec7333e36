import type { RefreshTokenSecrets } from '../ports';

export class FakeSecrets implements RefreshTokenSecrets {
  #last = 0;

  generate(): string {
    this.#last += 1;
    return `refresh-secret-${this.#last}`;
  }

  hash(token: string): string {
    return FakeSecrets.hashOf(token);
  }

  static hashOf(token: string): string {
    return `sha256(${token})`;
  }
}
